// Package clients runs the official Go clients (tencentcloud-sdk-go, volc-sdk-golang) and ZEGO's
// documented Go request style against the fake server, unmodified.
//
// scripts/test-clients.ts starts two fakes and passes their base URLs: RTC_MOCK_URL (auth off) and
// RTC_MOCK_VERIFY_URL (auth verify, the demo credentials of mocks/options.ts). Tests run one after
// another (no t.Parallel): some move the verify fake's clock or count quotas.
package clients

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"
)

const (
	volcAK           = "AKLTdemo0000000000000000"
	volcSK           = "demo-volcengine-secret-key"
	tcSecretID       = "AKIDdemo00000000000000000000000000"
	tcSecretKey      = "demo-tencent-secret-key"
	zegoAppID        = uint32(1234567890)
	zegoServerSecret = "0123456789abcdef0123456789abcdef"
)

var cst = time.FixedZone("CST", 8*3600)

func baseURL(t *testing.T, name string) string {
	t.Helper()
	u := os.Getenv(name)
	if u == "" {
		t.Skipf("%s is not set: run through `npm run test:clients`", name)
	}
	return strings.TrimRight(u, "/")
}

func offURL(t *testing.T) string    { return baseURL(t, "RTC_MOCK_URL") }
func verifyURL(t *testing.T) string { return baseURL(t, "RTC_MOCK_VERIFY_URL") }

// hostPort is `127.0.0.1:PORT`, the form the SDKs take as endpoint/host.
func hostPort(t *testing.T, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// control calls the fake's control API (/__mock/...).
func control(t *testing.T, base, method, path string, body any) {
	t.Helper()
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			t.Fatal(err)
		}
	}
	req, err := http.NewRequest(method, base+"/__mock/"+path, &buf)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		t.Fatalf("control %s %s: HTTP %d", method, path, resp.StatusCode)
	}
}

// moveClock moves the fake's mock clock and moves it back when the test ends. The SDKs sign with
// real time, so a server clock an hour ahead makes every signature an hour old.
func moveClock(t *testing.T, base, advance string) {
	t.Helper()
	control(t, base, "POST", "clock", map[string]string{"advance": advance})
	t.Cleanup(func() { control(t, base, "POST", "clock", map[string]string{"advance": "-" + advance}) })
}

func rfc3339(d time.Duration) string { return time.Now().In(cst).Add(d).Format(time.RFC3339) }

func uniq(prefix string) string { return fmt.Sprintf("%s%d", prefix, time.Now().UnixNano()) }
