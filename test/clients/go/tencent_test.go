package clients

// tencentcloud-sdk-go against the fake. The per-product module tencentcloud/lcic is not served by the
// Go module proxy reachable here, so the tests send through the same SDK's common.Client. lcic's
// LcicClient.DescribeRoomStatistics is a request model (a BaseRequest with name-tagged fields,
// Init().WithApiInfo("lcic", "2022-08-17", "DescribeRoomStatistics")) passed to Client.Send; the
// models below are that generated code's shape, so the wire is the same for POST and GET. (A
// tchttp.CommonRequest would not do for GET: its map parameters are not put into the query.)
// Pointed at the fake with HttpProfile.Endpoint = "127.0.0.1:PORT", Scheme = "HTTP".

import (
	"errors"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

// describeRoomStatisticsRequest mirrors lcic/v20220817.DescribeRoomStatisticsRequest.
type describeRoomStatisticsRequest struct {
	*tchttp.BaseRequest
	RoomId *uint64 `json:"RoomId,omitnil,omitempty" name:"RoomId"`
	Page   *uint64 `json:"Page,omitnil,omitempty" name:"Page"`
	Limit  *uint64 `json:"Limit,omitnil,omitempty" name:"Limit"`
}

// roomStats mirrors lcic/v20220817.DescribeRoomStatisticsResponse (the fields the tests read).
type roomStats struct {
	*tchttp.BaseResponse
	Response *struct {
		PeakMemberNumber int
		MemberNumber     int
		Total            int
		RealStartTime    *int64
		RealEndTime      *int64
		MemberRecords    []struct {
			UserId  string
			Role    int
			GroupId string
		}
		RequestId string
	} `json:"Response"`
}

func tcClient(t *testing.T, base, secretID, secretKey, method string) *common.Client {
	t.Helper()
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = hostPort(t, base)
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.ReqMethod = method
	cpf.HttpProfile.ReqTimeout = 10
	cpf.RateLimitExceededMaxRetries = 0 // the default: a RequestLimitExceeded reaches the caller
	cpf.NetworkFailureMaxRetries = 0
	return common.NewCommonClient(common.NewCredential(secretID, secretKey), "", cpf)
}

func describeRoomStatistics(c *common.Client, roomID, page, limit int) (*roomStats, error) {
	u := func(v int) *uint64 { n := uint64(v); return &n }
	req := &describeRoomStatisticsRequest{BaseRequest: &tchttp.BaseRequest{}, RoomId: u(roomID), Page: u(page), Limit: u(limit)}
	req.Init().WithApiInfo("lcic", "2022-08-17", "DescribeRoomStatistics")
	resp := &roomStats{BaseResponse: &tchttp.BaseResponse{}}
	if err := c.Send(req, resp); err != nil {
		return nil, err
	}
	if resp.Response == nil {
		return nil, errors.New("reply without Response")
	}
	return resp, nil
}

func wantTCError(t *testing.T, err error, code string) {
	t.Helper()
	var sdkErr *tcerr.TencentCloudSDKError
	if !errors.As(err, &sdkErr) {
		t.Fatalf("want TencentCloudSDKError %s, got %v", code, err)
	}
	if sdkErr.Code != code {
		t.Fatalf("want code %s, got %s (%s)", code, sdkErr.Code, sdkErr.Message)
	}
	if sdkErr.RequestId == "" {
		t.Fatalf("%s without RequestId", code)
	}
}

func TestTencentEndedRoomStatistics(t *testing.T) {
	for _, method := range []string{"POST", "GET"} {
		t.Run(method, func(t *testing.T) {
			stats, err := describeRoomStatistics(tcClient(t, offURL(t), tcSecretID, tcSecretKey, method), 1, 1, 5)
			if err != nil {
				t.Fatal(err)
			}
			r := stats.Response
			if r.Total != 30 || len(r.MemberRecords) != 5 || r.RequestId == "" {
				t.Fatalf("unexpected reply %+v", r)
			}
			if r.MemberNumber > r.Total || r.PeakMemberNumber > r.MemberNumber || r.MemberRecords[0].Role != 1 {
				t.Fatalf("inconsistent counts %+v", r)
			}
			if r.RealStartTime == nil || r.RealEndTime == nil || *r.RealEndTime <= *r.RealStartTime {
				t.Fatalf("bad real times %+v", r)
			}
		})
	}
}

func TestTencentPagination(t *testing.T) {
	stats, err := describeRoomStatistics(tcClient(t, offURL(t), tcSecretID, tcSecretKey, "POST"), 10004, 2, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Response.Total != 1500 || len(stats.Response.MemberRecords) != 500 {
		t.Fatalf("page 2 of 10004: Total %d, %d records", stats.Response.Total, len(stats.Response.MemberRecords))
	}
}

func TestTencentRoomErrors(t *testing.T) {
	base := offURL(t)
	control(t, base, "POST", "reset", nil) // seeded rooms laid out anew: 10003 is 'computing' for 150 s
	for _, tc := range []struct {
		name string
		room int
		code string
	}{
		{"not-started", 10001, "FailedOperation.RoomNotEnd"},
		{"live", 10002, "FailedOperation.RoomNotEnd"},
		{"computing", 10003, "ResourceUnavailable.RoomStatistics"},
		{"unknown", 999999, "ResourceNotFound.Room"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := describeRoomStatistics(tcClient(t, base, tcSecretID, tcSecretKey, "POST"), tc.room, 1, 10)
			wantTCError(t, err, tc.code)
		})
	}
}

func TestTencentThrottling(t *testing.T) {
	// A SecretId of its own (the 20 req/s budget is per SecretId); at most 60 requests.
	c := tcClient(t, offURL(t), uniq("AKIDgothrottle"), "any-secret", "POST")
	for i := 0; i < 60; i++ {
		if _, err := describeRoomStatistics(c, 1, 1, 1); err != nil {
			wantTCError(t, err, "RequestLimitExceeded")
			return
		}
	}
	t.Fatal("60 requests in a burst were all answered: no RequestLimitExceeded")
}

func TestTencentVerify(t *testing.T) {
	base := verifyURL(t)
	for _, method := range []string{"POST", "GET"} {
		t.Run("valid-"+method, func(t *testing.T) {
			stats, err := describeRoomStatistics(tcClient(t, base, tcSecretID, tcSecretKey, method), 1, 1, 1)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Response.Total != 30 {
				t.Fatalf("Total %d", stats.Response.Total)
			}
		})
	}
	t.Run("wrong-secret", func(t *testing.T) {
		_, err := describeRoomStatistics(tcClient(t, base, tcSecretID, "not-the-secret", "POST"), 1, 1, 1)
		wantTCError(t, err, "AuthFailure.SignatureFailure")
	})
	t.Run("unknown-secret-id", func(t *testing.T) {
		_, err := describeRoomStatistics(tcClient(t, base, "AKIDunknown000000000000000000000000", tcSecretKey, "POST"), 1, 1, 1)
		wantTCError(t, err, "AuthFailure.SecretIdNotFound")
	})
	t.Run("expired-timestamp", func(t *testing.T) {
		moveClock(t, base, "1h")
		_, err := describeRoomStatistics(tcClient(t, base, tcSecretID, tcSecretKey, "POST"), 1, 1, 1)
		wantTCError(t, err, "AuthFailure.SignatureExpire")
	})
}
