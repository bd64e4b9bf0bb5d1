import type { TargetFixtures } from "../case.js";
import type { ContractCase } from "../case.js";
import type { ContractRequest, Exchange } from "../exchange.js";
import { exchangeOf } from "../recordings/recording.js";
import { loadRecordings, RecordingStore } from "../recordings/store.js";
import { CaseSkipped, type SendOptions, type Target } from "./target.js";

/** A recordings target. */
export type RecordingsTarget = Target;

/** Placeholder fixtures: a recording, not the target, decides whether a case has data. */
const ANY_FIXTURES: TargetFixtures = {
  volcengine: { appId: "recorded" },
  zego: { appId: "recorded" },
  tencent: { endedRoomId: 0, liveRoomId: 0, pendingRoomId: 0, unknownRoomId: 0 },
};

/**
 * A folder of recorded exchanges (from `contract --record` or the proxy). A case is judged on its
 * recorded requests and replies, at the clock they were recorded at; a case without a recording is
 * skipped. A file in the folder that cannot be read as a recording fails the call (RecordingLoadError,
 * naming the file and the position). Costs no quota and needs no network.
 */
export async function recordingsTarget(dir: string): Promise<RecordingsTarget> {
  const { recordings } = await loadRecordings(dir);
  const store = new RecordingStore(recordings);
  let current: string | undefined;
  return {
    kind: "recordings",
    description: `recordings in ${dir} (${recordings.length} exchanges)`,
    spendsQuota: false,
    skewMs: recordings.reduce((max, s) => Math.max(max, s.recording.skewMs ?? 0), 0),
    verifiesSignatures: () => true,
    async fixtures() {
      return ANY_FIXTURES;
    },
    async beginCase(c: ContractCase) {
      const first = store.forStep(c.id, 0);
      if (first === undefined) throw new CaseSkipped(`no recording of this case in ${dir}`);
      current = c.id;
      return first.recording.sentAt;
    },
    async send(_request: ContractRequest, options: SendOptions): Promise<Exchange> {
      const stored = current === undefined ? undefined : store.forStep(current, options.step);
      if (stored === undefined) throw new CaseSkipped(`no recording of request ${options.step + 1} of this case in ${dir}`);
      return exchangeOf(stored.recording);
    },
    unclaimed() {
      return store.unclaimed().map((s) => ({ id: `recorded/${s.file}`, exchange: exchangeOf(s.recording) }));
    },
    async close() {},
  };
}
