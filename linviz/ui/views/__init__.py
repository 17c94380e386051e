"""Views: each draws one picture of the models and turns gestures into model calls."""
