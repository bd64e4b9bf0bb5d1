package clients

// ZEGO GetRealtimeUsage, requested the way ZEGO's docs do it in Go (ZEGO ships no server SDK):
// GenerateSignature is the docs' Go sample (SigningTheRequestEN.mdx), the nonce 8 random bytes in hex,
// the timestamp time.Now().Unix(); a GET with every parameter in the query, Metrics[] repeated
// (url.Values sends it as Metrics%5B%5D), StartTs/EndTs in milliseconds. Errors are HTTP 200, Code != 0.

import (
	"crypto/md5"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// Signature=md5(AppId + SignatureNonce + ServerSecret + Timestamp), as in ZEGO's Go sample
func GenerateSignature(appId uint32, signatureNonce string, serverSecret string, timestamp int64) (Signature string) {
	data := fmt.Sprintf("%d%s%s%d", appId, signatureNonce, serverSecret, timestamp)
	h := md5.New()
	h.Write([]byte(data))
	return hex.EncodeToString(h.Sum(nil))
}

type zegoReply struct {
	Code    int
	Message string
	Data    struct {
		Metrics []struct {
			Metric string
			Values []struct {
				Timestamp int64
				Value     int64
			}
		}
	}
	RequestId json.RawMessage // documented String, examples show a number (clients.md §3.4)
}

func getRealtimeUsage(t *testing.T, base string, appId uint32, serverSecret string, timestamp int64, metrics ...string) *zegoReply {
	t.Helper()
	nonceByte := make([]byte, 8)
	if _, err := rand.Read(nonceByte); err != nil {
		t.Fatal(err)
	}
	signatureNonce := hex.EncodeToString(nonceByte)
	q := url.Values{}
	q.Set("Action", "GetRealtimeUsage")
	q.Set("AppId", strconv.FormatUint(uint64(appId), 10))
	q.Set("SignatureNonce", signatureNonce)
	q.Set("Timestamp", strconv.FormatInt(timestamp, 10))
	q.Set("Signature", GenerateSignature(appId, signatureNonce, serverSecret, timestamp))
	q.Set("SignatureVersion", "2.0")
	q.Set("StartTs", strconv.FormatInt(time.Now().Add(-30*time.Minute).UnixMilli(), 10))
	q.Set("EndTs", "0")
	for _, m := range metrics {
		q.Add("Metrics[]", m)
	}
	resp, err := http.Get(base + "/?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	var reply zegoReply
	if err := json.NewDecoder(resp.Body).Decode(&reply); err != nil {
		t.Fatal(err)
	}
	if len(reply.RequestId) == 0 || string(reply.RequestId) == `""` {
		t.Fatalf("reply without RequestId: %+v", reply)
	}
	return &reply
}

func newZegoAppID(t *testing.T) uint32 {
	n, err := rand.Int(rand.Reader, big.NewInt(2_000_000_000))
	if err != nil {
		t.Fatal(err)
	}
	return uint32(2_000_000_000 + n.Int64()) // a fresh AppId per test: 3 calls per minute per AppId
}

func TestZegoRealtimeUsage(t *testing.T) {
	metrics := []string{"publish_concurrent", "play_concurrent", "room_concurrent", "online_user", "max_room_user", "mix_concurrent"}
	reply := getRealtimeUsage(t, offURL(t), newZegoAppID(t), "any-secret", time.Now().Unix(), metrics...)
	if reply.Code != 0 {
		t.Fatalf("Code %d: %s", reply.Code, reply.Message)
	}
	if len(reply.Data.Metrics) != len(metrics) {
		t.Fatalf("%d series", len(reply.Data.Metrics))
	}
	for i, s := range reply.Data.Metrics {
		if s.Metric != metrics[i] || len(s.Values) == 0 {
			t.Fatalf("series %d: %s with %d values", i, s.Metric, len(s.Values))
		}
	}
}

func TestZegoParameterError(t *testing.T) {
	if reply := getRealtimeUsage(t, offURL(t), newZegoAppID(t), "any-secret", time.Now().Unix(), "no_such_metric"); reply.Code != 10002 {
		t.Fatalf("Code %d, want 10002", reply.Code)
	}
}

func TestZegoThrottling(t *testing.T) {
	base, appID := offURL(t), newZegoAppID(t)
	var codes []int
	// Four calls may straddle a minute boundary; three more then make the fourth of the new minute.
	for i := 0; i < 7; i++ {
		code := getRealtimeUsage(t, base, appID, "any-secret", time.Now().Unix(), "online_user").Code
		codes = append(codes, code)
		if code == 30002 {
			break
		}
	}
	if codes[len(codes)-1] != 30002 || codes[0] != 0 || codes[1] != 0 || codes[2] != 0 {
		t.Fatalf("codes %v: want three 0s, then 30002 within the minute", codes)
	}
}

func TestZegoVerify(t *testing.T) {
	base := verifyURL(t)
	now := time.Now().Unix()
	t.Run("valid", func(t *testing.T) {
		if r := getRealtimeUsage(t, base, zegoAppID, zegoServerSecret, now, "online_user"); r.Code != 0 {
			t.Fatalf("Code %d: %s", r.Code, r.Message)
		}
	})
	for _, tc := range []struct {
		name   string
		appID  uint32
		secret string
		ts     int64
		code   int
	}{
		{"wrong-secret", zegoAppID, "ffffffffffffffffffffffffffffffff", now, 100000005},
		{"unknown-appid", 987654321, zegoServerSecret, now, 100000010},
		{"expired-timestamp", zegoAppID, zegoServerSecret, now - 3600, 100000004},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := getRealtimeUsage(t, base, tc.appID, tc.secret, tc.ts, "online_user"); r.Code != tc.code {
				t.Fatalf("Code %d (%s), want %d", r.Code, r.Message, tc.code)
			}
		})
	}
}
