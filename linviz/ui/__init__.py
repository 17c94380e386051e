"""The PySide6 + pyqtgraph front end. Views talk to models, never to each other."""
