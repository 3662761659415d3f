"""The desktop app: start-up, login, main window, screen lock."""

APP_TITLE = "Eén gezin, één plan"
