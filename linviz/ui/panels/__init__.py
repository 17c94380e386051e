"""Panels: the controls dock and the playback bar."""
