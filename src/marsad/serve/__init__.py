"""The REST API and web dashboard over a store (`marsad serve`; needs the `api` extra).

Import `create_app` from `marsad.serve.app`: this package's own import pulls in no web framework,
so the CLI can tell a missing extra from any other error.
"""
