package clients

// volc-sdk-golang against the fake. The Go module proxy reachable here serves only v1.0.23, whose
// service/rtc registers just ListRooms/ListIndicators; the generated packages service/rtc/v20201201
// and v20231101 (later releases) are not to be had. Both packages are thin configs over base.Client,
// so the tests build the same configs here: each generation sends all three actions at its one
// Version (clients.md §2.1), host rtc.volcengineapi.com / region cn-north-1 / service rtc,
// Accept: application/json, and are pointed at the fake with SetHost("127.0.0.1:PORT") + SetScheme("http").
// base.Client.Json returns the body and status, and an error for any non-2xx status.

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/volcengine/volc-sdk-golang/base"
)

var volcActions = []string{"ListRealTimeOperationData", "ListOperationData", "ListRealTimeQuality"}

// volcGenerations are the two API generations of the official RTC packages, each with one Version.
var volcGenerations = map[string]string{"v20201201": "2020-12-01", "v20231101": "2023-11-01"}

type volcReply struct {
	ResponseMetadata struct {
		RequestId string
		Action    string
		Version   string
		Service   string
		Region    string
		Error     *struct {
			CodeN   int
			Code    string
			Message string
		}
	}
	Result *struct {
		Indicators []struct {
			Name string
			Data []struct {
				TimeStamp string
				Value     float64
			}
		}
	}
}

func volcClient(t *testing.T, base_, version, ak, sk, region string) *base.Client {
	t.Helper()
	apis := map[string]*base.ApiInfo{}
	for _, action := range volcActions {
		apis[action] = &base.ApiInfo{
			Method: http.MethodPost,
			Path:   "/",
			Query:  url.Values{"Action": []string{action}, "Version": []string{version}},
		}
	}
	info := &base.ServiceInfo{
		Timeout:     5 * time.Second,
		Host:        "rtc.volcengineapi.com",
		Header:      http.Header{"Accept": []string{"application/json"}},
		Credentials: base.Credentials{Region: region, Service: "rtc"},
	}
	c := base.NewClient(info, apis)
	c.SetHost(hostPort(t, base_))
	c.SetScheme("http")
	// NewClient reads VOLC_ACCESSKEY/VOLC_SECRETKEY or ~/.volc/config: set the keys after it.
	c.SetAccessKey(ak)
	c.SetSecretKey(sk)
	return c
}

func volcBody(action, appID string) string {
	var body map[string]any
	switch action {
	case "ListRealTimeOperationData":
		body = map[string]any{"AppId": appID, "StartTime": rfc3339(-5 * time.Minute), "EndTime": rfc3339(-time.Minute),
			"Indicator": []string{"online_user_count", "online_room_count"}}
	case "ListOperationData":
		body = map[string]any{"AppId": appID, "StartTime": rfc3339(-72 * time.Hour), "EndTime": rfc3339(-24 * time.Hour),
			"Indicator": []string{"per_call_time", "avg_call_time"}, "AggregateGranularity": "1d"}
	default:
		body = map[string]any{"AppId": appID, "StartTime": rfc3339(-6 * time.Minute), "EndTime": rfc3339(-2 * time.Minute),
			"Indicator": []string{"stall_rate"}}
	}
	raw, _ := json.Marshal(body)
	return string(raw)
}

func volcCall(t *testing.T, c *base.Client, action, body string) (*volcReply, int, error) {
	t.Helper()
	raw, status, err := c.Json(action, nil, body)
	var reply volcReply
	if jerr := json.Unmarshal(raw, &reply); jerr != nil {
		t.Fatalf("%s: HTTP %d, body not JSON (%v): %s", action, status, jerr, raw)
	}
	return &reply, status, err
}

func wantVolcError(t *testing.T, reply *volcReply, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want %s, got success", code)
	}
	e := reply.ResponseMetadata.Error
	if e == nil || !(e.Code == code || strings.HasPrefix(e.Code, code+".")) {
		t.Fatalf("want %s, got %+v (%v)", code, e, err)
	}
	if reply.ResponseMetadata.RequestId == "" {
		t.Fatalf("%s without RequestId", code)
	}
}

func TestVolcengineActions(t *testing.T) {
	for pkg, version := range volcGenerations {
		for _, action := range volcActions {
			t.Run(pkg+"/"+action, func(t *testing.T) {
				c := volcClient(t, offURL(t), version, volcAK, volcSK, "cn-north-1")
				reply, status, err := volcCall(t, c, action, volcBody(action, uniq("go")))
				if err != nil {
					t.Fatalf("HTTP %d: %v", status, err)
				}
				m := reply.ResponseMetadata
				if m.Error != nil || m.Action != action || m.Version != version || m.Service != "rtc" || m.RequestId == "" {
					t.Fatalf("unexpected metadata %+v", m)
				}
				if reply.Result == nil || len(reply.Result.Indicators) != 2 {
					t.Fatalf("unexpected result %+v", reply.Result)
				}
				for _, s := range reply.Result.Indicators {
					if len(s.Data) == 0 {
						t.Fatalf("series %s is empty", s.Name)
					}
				}
			})
		}
	}
}

func TestVolcengineRegionEcho(t *testing.T) {
	// As v20231101.NewInstanceWithRegion("ap-singapore-1") would sign (its host overridden to the fake).
	c := volcClient(t, offURL(t), "2020-12-01", volcAK, volcSK, "ap-singapore-1")
	reply, _, err := volcCall(t, c, "ListRealTimeQuality", volcBody("ListRealTimeQuality", uniq("go")))
	if err != nil {
		t.Fatal(err)
	}
	if got := reply.ResponseMetadata.Region; got != "ap-singapore-1" {
		t.Fatalf("ResponseMetadata.Region = %q, want the request's ap-singapore-1", got)
	}
}

func TestVolcengineParameterError(t *testing.T) {
	c := volcClient(t, offURL(t), "2020-12-01", volcAK, volcSK, "cn-north-1")
	body := `{"AppId":"` + uniq("go") + `","StartTime":"` + rfc3339(-2*time.Minute) + `","EndTime":"` + rfc3339(-6*time.Minute) + `","Indicator":["stall_rate"]}`
	reply, status, err := volcCall(t, c, "ListRealTimeQuality", body)
	wantVolcError(t, reply, err, "InvalidParameter.StartTimeAfterEndTime")
	if status != 400 {
		t.Fatalf("HTTP %d", status)
	}
}

func TestVolcengineThrottling(t *testing.T) {
	// 2 req/s per action and AppId: 5 requests in well under a second put at least 3 into one window.
	c := volcClient(t, offURL(t), "2020-12-01", volcAK, volcSK, "cn-north-1")
	appID := uniq("gothrottle")
	for i := 0; i < 5; i++ {
		reply, _, err := volcCall(t, c, "ListRealTimeQuality", volcBody("ListRealTimeQuality", appID))
		if err != nil {
			wantVolcError(t, reply, err, "FlowLimitExceeded")
			return
		}
	}
	t.Fatal("5 requests in a burst were all answered: no FlowLimitExceeded")
}

func TestVolcengineVerify(t *testing.T) {
	base_ := verifyURL(t)
	for pkg, version := range volcGenerations {
		t.Run("valid-"+pkg, func(t *testing.T) {
			c := volcClient(t, base_, version, volcAK, volcSK, "cn-north-1")
			for _, action := range volcActions {
				reply, status, err := volcCall(t, c, action, volcBody(action, uniq("go")))
				if err != nil {
					t.Fatalf("%s@%s: HTTP %d %+v", action, version, status, reply.ResponseMetadata.Error)
				}
			}
		})
	}
	refused := func(t *testing.T, c *base.Client, code string) {
		t.Helper()
		reply, _, err := volcCall(t, c, "ListRealTimeQuality", volcBody("ListRealTimeQuality", uniq("go")))
		wantVolcError(t, reply, err, code)
	}
	t.Run("wrong-secret", func(t *testing.T) {
		refused(t, volcClient(t, base_, "2020-12-01", volcAK, "not-the-secret", "cn-north-1"), "SignatureDoesNotMatch")
	})
	t.Run("unknown-access-key", func(t *testing.T) {
		refused(t, volcClient(t, base_, "2020-12-01", "AKLTunknown0000000000000", volcSK, "cn-north-1"), "InvalidAccessKey")
	})
	t.Run("expired-timestamp", func(t *testing.T) {
		moveClock(t, base_, "1h")
		refused(t, volcClient(t, base_, "2020-12-01", volcAK, volcSK, "cn-north-1"), "InvalidTimestamp")
	})
}
