"""ML Team Maturity Workshop: run a leadership workshop on building a mature ML team."""

__version__ = "0.1.0"

#: The one name for the user's settings, data and log folders, the desktop file and the icon.
APP_ID = "ml-team-maturity-workshop"
#: The name people see (window titles, About, the desktop menu).
APP_NAME = "ML Team Maturity Workshop"
#: The desktop file's name (reverse-DNS, as desktops and AppStream expect), also the window's
#: Wayland app id, so the desktop matches the window to its launcher and icon.
DESKTOP_ID = "org.mlteammaturity.Workshop"
