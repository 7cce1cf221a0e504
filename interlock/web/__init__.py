"""The web explorer (``interlock serve``): server-rendered pages over the library's queries, each
with a JSON twin under ``/api/``; our own small CSS and scripts, served from ``/static``."""
