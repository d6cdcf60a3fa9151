module github.com/go-pdf/fpdf

go 1.20

require github.com/phpdave11/gofpdi v1.0.14
