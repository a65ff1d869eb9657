"""Maps drawn at build time: the Natural Earth basemap, a conformal projection framed from the places, labels."""
