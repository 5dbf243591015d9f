// ScreenKit's words and the interface languages come from the shared catalogs (module Wording).
@_exported import Wording
