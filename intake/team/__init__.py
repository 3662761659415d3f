"""Working with a team server (``--db https://…``): the HTTP client and what travels over the
wire. Imported only when a location is a team server, so ``intake --help`` stays fast."""
