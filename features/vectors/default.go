package vectors

import _ "embed"

//go:embed glove-6b-100d-100k.stkv
var defaultFile []byte

// DefaultName names the default table in model files and reports.
const DefaultName = "glove-6b-100d-100k"

// Default decodes the built-in table (see the package doc); each call
// returns a new Table.
func Default() (*Table, error) { return Decode(defaultFile) }
