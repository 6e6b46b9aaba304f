"""The database schema version shared by the build and the data layer."""

# Bump when a table or column the data layer reads changes; the app refuses other versions.
SCHEMA_VERSION = 2  # 2: model dates say what they are; access carries an as-of date
