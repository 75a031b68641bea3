module github.com/veille/veille

go 1.26.8
