import { control, messageOf } from "../api.js";
import { field, h, orDash, statusLine } from "../dom.js";
import type { RoomView as Room } from "../../../mocks/tencent/rooms.js";
import type { View } from "../view.js";

const unixText = (sec: number | null) => (sec === null ? "—" : new Date(sec * 1000).toISOString().slice(0, 19).replace("T", " "));

/** Mock time in Unix seconds: room times are seconds. */
async function mockNowSec(): Promise<number> {
  return Math.floor((await control<{ now: number }>("GET", "/clock")).now / 1000);
}

/**
 * Tencent LCIC rooms: their lifecycle state at mock time, a form to create one, and buttons that
 * move a room on. A room's state follows from its times and the clock, so starting or ending one
 * now re-registers it (DELETE, then POST with the same id and the actual time set to now);
 * "Advance clock to statistics" moves the clock, for every room, to when its statistics appear.
 */
export function roomsView(): View {
  const status = statusLine();
  const rows = h("tbody");
  const name = h("input", { name: "name", size: 18, placeholder: "Room 20001" });
  const startsIn = h("input", { name: "startsIn", type: "number", step: 1, value: "0" });
  const duration = h("input", { name: "duration", type: "number", min: 1, step: 1, value: "45" });
  const members = h("input", { name: "members", type: "number", min: 0, step: 1, placeholder: "seeded" });

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      status.show(done);
    } catch (cause) {
      status.show(messageOf(cause), true);
    }
    await refresh();
  };
  /** Registers the room again with new actual times: the registry has no update, and a room's id is what clients ask for. */
  const reRegister = async (room: Room, realStartTime: number | null, realEndTime: number | null) => {
    await control("DELETE", `/rooms/${room.roomId}`);
    await control("POST", "/rooms", {
      roomId: room.roomId,
      name: room.name,
      startTime: room.startTime,
      endTime: room.endTime,
      realStartTime,
      realEndTime,
      memberCount: room.memberCount,
      ...(room.realStartTime !== null ? { absentCount: room.absentCount } : {}),
      groupId: room.groupId,
      subGroupIds: room.subGroupIds,
    });
  };
  const actionsOf = (room: Room) => {
    const buttons: HTMLButtonElement[] = [];
    const button = (label: string, run: () => Promise<unknown>, done: string) =>
      buttons.push(
        h("button", { type: "button", "aria-label": `${label} room ${room.roomId}`, onclick: () => void act(run, done) }, label),
      );
    if (room.state === "not-started")
      button("Start now", async () => reRegister(room, await mockNowSec(), null), `Room ${room.roomId} is live`);
    if (room.state === "live")
      button(
        "End now",
        async () => reRegister(room, room.realStartTime, await mockNowSec()),
        `Room ${room.roomId} ended; statistics are being computed`,
      );
    if (room.state === "computing" && room.statisticsAvailableAt !== null) {
      const at = room.statisticsAvailableAt;
      button(
        "Advance clock to statistics",
        async () => control("POST", "/clock", { advance: Math.max(0, at - (await mockNowSec())) * 1000 }),
        `Clock moved to ${unixText(at)}`,
      );
    }
    button("Delete", () => control("DELETE", `/rooms/${room.roomId}`), `Room ${room.roomId} deleted`);
    return buttons;
  };

  let rendered = "";
  const refresh = async () => {
    let rooms: Room[];
    try {
      rooms = (await control<{ rooms: Room[] }>("GET", "/rooms")).rooms;
    } catch (cause) {
      status.show(messageOf(cause), true);
      return;
    }
    // Polling must not rebuild an unchanged table: that would take the keyboard focus away.
    const key = JSON.stringify(rooms);
    if (key === rendered) return;
    rendered = key;
    rows.replaceChildren(
      ...rooms.map((room) =>
        h(
          "tr",
          {},
          h("td", {}, String(room.roomId)),
          h("td", {}, room.name, room.seeded ? " (seeded)" : ""),
          h("td", {}, h("span", { class: `badge state-${room.state}` }, room.state)),
          h("td", {}, `${unixText(room.startTime)} – ${unixText(room.endTime).slice(11)}`),
          h(
            "td",
            {},
            `${unixText(room.realStartTime)} – ${orDash(room.realEndTime === null ? null : unixText(room.realEndTime).slice(11))}`,
          ),
          h("td", {}, `${room.memberCount} (${room.absentCount} absent)`),
          h("td", {}, unixText(room.statisticsAvailableAt)),
          h("td", {}, h("div", { class: "row" }, ...actionsOf(room))),
        ),
      ),
    );
    if (rooms.length === 0) rows.append(h("tr", {}, h("td", { colspan: 8 }, "No rooms.")));
  };

  const create = async () => {
    const now = await mockNowSec();
    const startTime = now + Math.round(startsIn.valueAsNumber * 60);
    const spec: Record<string, unknown> = { startTime, endTime: startTime + Math.round(duration.valueAsNumber * 60) };
    if (name.value.trim() !== "") spec.name = name.value.trim();
    if (members.value !== "") spec.memberCount = members.valueAsNumber;
    const room = await control<Room>("POST", "/rooms", spec);
    return room;
  };

  return {
    id: "rooms",
    title: "Tencent rooms",
    mount(root) {
      const form = h(
        "form",
        { class: "row", "aria-label": "Create a room", novalidate: true },
        field("Name", name),
        field("Starts in (minutes)", startsIn),
        field("Duration (minutes)", duration),
        field("Members", members),
        h("button", { type: "submit" }, "Create room"),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        void act(create, "Room created");
      });
      root.append(
        h("p", {}, "DescribeRoomStatistics answers only for rooms that ended, once their statistics are computed."),
        form,
        status.element,
        h(
          "table",
          { "aria-label": "Rooms" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Room", "Name", "State", "Scheduled (UTC)", "Actual", "Members", "Statistics from", "Move on"].map((text) =>
                h("th", {}, text),
              ),
            ),
          ),
          rows,
        ),
      );
    },
    refresh,
    poll: refresh,
  };
}
