"""Generated from ../../forms/*.ui and ../../resources by packaging/build_ui.py; do not edit."""
