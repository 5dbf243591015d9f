// The schema's labels, validation messages and reports come from the shared catalogs (module Wording).
@_exported import Wording
