module rtc-analytics-mock/test/clients/go

go 1.26.8

require (
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.211
	github.com/volcengine/volc-sdk-golang v1.0.23
)

require github.com/google/uuid v1.3.0 // indirect
