"""The one exception a site build raises when it stops for a reason other than the data."""


class BuildError(Exception):
    """A build that stopped (a busy lock, Pelican's warning, a refused folder); its message is one line."""
