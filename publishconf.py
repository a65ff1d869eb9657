"""Publish settings: pelican.conf.py, plus the public site URL, absolute links and feeds.

pelican.conf.py has a dot in its name, so it cannot be imported; it is run by path instead.
"""

import os
import runpy
from pathlib import Path

globals().update({key: value for key, value in runpy.run_path(str(Path(__file__).with_name("pelican.conf.py"))).items()
                  if key.isupper()})

# The site's public address, such as https://user.github.io/repo (no trailing slash).
SITEURL = os.environ.get("SITEURL", globals().get("SITEURL", "")).rstrip("/")
# A custom domain is this one setting, such as "reports.example.org": the build then writes CNAME.
CUSTOM_DOMAIN = os.environ.get("CUSTOM_DOMAIN", "")
RELATIVE_URLS = False
# No DELETE_OUTPUT_DIRECTORY: the staged build starts from an empty folder and replaces output/
# only when everything succeeded (generator/build.py).
