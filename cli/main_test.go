package cli

import (
	"testing"

	"accord/internal/i18ntest"
)

// TestMain fails the run when a test showed a sentence missing from the translation catalogue.
func TestMain(m *testing.M) { i18ntest.Main(m) }
