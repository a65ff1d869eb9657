"""Turn article data (YAML) into cross-linked Markdown pages for Pelican.

The package reads as a pipeline: load -> validate -> link -> render -> write.
Only the last stage touches the disk.
"""

__version__ = "0.1.0"
