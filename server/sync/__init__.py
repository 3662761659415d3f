"""The server side of laptop replicas: the change log (the pull cursor), pushes with a
three-way merge per field, pulls limited to each person's households, and conflicts."""
