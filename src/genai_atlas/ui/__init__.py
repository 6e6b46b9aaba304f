"""The desktop GUI: thin PySide6 widgets over the data layer (one module per tab)."""
