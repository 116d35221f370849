// Package newsmodel embeds stancekit's default news model: labels every
// sentence of a news article as fact, quote, opinion or appeal. It is
// trained from testdata/news/train.jsonl with the default options by
//
//	go generate ./newsmodel
//
// and a test checks that the embedded file is exactly what that command
// produces today (training is deterministic).
package newsmodel

import (
	_ "embed"

	"github.com/stancekit/stancekit/models"
)

//go:generate go run ../train -data ../testdata/news/train.jsonl -save news.stkm -quiet

//go:embed news.stkm
var modelFile []byte

// Load decodes the embedded model. Each call returns a new Model.
func Load() (*models.Model, error) { return models.Decode(modelFile) }

// Bytes returns the embedded model file.
func Bytes() []byte { return modelFile }
