module github.com/veille/veille

go 1.26.8

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/pemistahl/lingua-go v1.4.0
	golang.org/x/net v0.62.0
	golang.org/x/text v0.43.0
)

require (
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/shopspring/decimal v1.3.1 // indirect
	golang.org/x/exp v0.0.0-20221106115401-f9659909a136 // indirect
	google.golang.org/protobuf v1.31.0 // indirect
)
