"""The laptop side of a team store on screen: the sync status and action, conflicts, joining."""
