"""The app's data files, installed as the package ``linviz.assets`` (see pyproject.toml's
``package-dir``); code reads them through :func:`linviz.resources.asset_path`."""
