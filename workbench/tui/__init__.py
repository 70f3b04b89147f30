"""The Textual front end: screens, widgets, one stylesheet. All IO runs in workers."""
