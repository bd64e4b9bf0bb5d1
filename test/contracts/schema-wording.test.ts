import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuesToViolations } from "../../contracts/checks/schema.js";

/** The one message a value gets against a schema, as the contract words it. */
function said(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return issuesToViolations(result.error!.issues, [], value).map((v) => `${v.path}: ${v.message}`);
}

describe("schema violations say what kind of drift they are", () => {
  it("a value of another type names the field, what it is and what it should be", () => {
    expect(said(z.object({ Code: z.number() }), { Code: "0" })).toEqual(['Code: Code is a string ("0"), not a number']);
    expect(said(z.object({ Total: z.int() }), { Total: 1.5 })).toEqual(["Total: Total is a number with a fraction, not an integer"]);
    expect(said(z.object({ Name: z.string() }), { Name: 12 })).toEqual(["Name: Name is an integer, not a string"]);
    expect(said(z.object({ Data: z.object({}) }), { Data: null })).toEqual(["Data: Data is null, not an object"]);
    expect(said(z.object({ Rows: z.array(z.number()) }), { Rows: {} })).toEqual(["Rows: Rows is an object, not a list"]);
    expect(said(z.object({ Id: z.string() }), { Id: true })).toEqual(["Id: Id is a boolean, not a string"]);
    expect(said(z.object({ Note: z.number() }), { Note: "x".repeat(30) })).toEqual(["Note: Note is a string, not a number"]);
  });

  it("an element of a list is named with its index", () => {
    expect(said(z.object({ Values: z.array(z.number()) }), { Values: [1, "2"] })).toEqual([
      'Values[1]: Values[1] is a string ("2"), not a number',
    ]);
  });

  it("a missing field says it is required", () => {
    expect(said(z.object({ Data: z.object({ Total: z.number() }) }), { Data: {} })).toEqual(["Data.Total: Total is missing (required)"]);
    expect(said(z.object({ Id: z.union([z.string(), z.number()]) }), {})).toEqual(["Id: Id is missing (required)"]);
  });

  it("a value outside an enum or a literal lists what it may be", () => {
    expect(said(z.object({ Status: z.enum(["Ended", "Live"]) }), { Status: "Done" })).toEqual([
      'Status: Status is "Done", not one of "Ended", "Live"',
    ]);
    expect(said(z.object({ Code: z.literal(0) }), { Code: 1 })).toEqual(["Code: Code is 1, not 0"]);
    expect(said(z.object({ Code: z.literal(0) }), { Code: "0" })).toEqual(['Code: Code is a string ("0"), not 0']);
    expect(said(z.object({ Status: z.enum(["Ended", "Live"]) }), { Status: 2 })).toEqual([
      'Status: Status is an integer, not one of "Ended", "Live"',
    ]);
    const kinds = z.discriminatedUnion("Kind", [z.object({ Kind: z.literal("a") }), z.object({ Kind: z.literal("b") })]);
    expect(said(z.object({ Row: kinds }), { Row: { Kind: "c" } })).toEqual(['Row.Kind: Kind is "c", not one of "a", "b"']);
  });

  it("a union that only wanted other types names them all", () => {
    expect(said(z.object({ Id: z.union([z.string(), z.number()]) }), { Id: false })).toEqual([
      "Id: Id is a boolean, not a string or a number",
    ]);
    // A union of objects: the closest branch says what is wrong inside.
    const shapes = z.union([z.object({ X: z.number() }), z.object({ Y: z.string(), Z: z.string() })]);
    expect(said(z.object({ S: shapes }), { S: { X: "1" } })).toEqual(['S.X: X is a string ("1"), not a number']);
  });

  it("a number out of range, a string or list of the wrong length", () => {
    expect(said(z.object({ Users: z.number().min(0) }), { Users: -1 })).toEqual(["Users: Users is -1, below the minimum 0"]);
    expect(said(z.object({ Rate: z.number().positive() }), { Rate: 0 })).toEqual(["Rate: Rate is 0, not above 0"]);
    expect(said(z.object({ Pct: z.number().max(100) }), { Pct: 101 })).toEqual(["Pct: Pct is 101, above the maximum 100"]);
    expect(said(z.object({ Id: z.string().min(1) }), { Id: "" })).toEqual(["Id: Id has 0 characters, fewer than the minimum 1"]);
    expect(said(z.object({ Ids: z.array(z.string()).max(1) }), { Ids: ["a", "b"] })).toEqual([
      "Ids: Ids has 2 items, more than the maximum 1",
    ]);
    expect(said(z.object({ Step: z.number().multipleOf(30) }), { Step: 45 })).toEqual(["Step: Step is 45, not a multiple of 30"]);
  });

  it("a string in the wrong format, and fields a strict object does not allow", () => {
    expect(said(z.object({ Day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), { Day: "2024/01/01" })).toEqual([
      'Day: Day is "2024/01/01", not in the documented format /^\\d{4}-\\d{2}-\\d{2}$/',
    ]);
    expect(said(z.object({ Mail: z.email() }), { Mail: "nope" })).toEqual(['Mail: Mail is "nope", not a valid email']);
    expect(said(z.strictObject({ A: z.number() }), { A: 1, B: 2, C: 3 })).toEqual([
      '$: the reply has fields the contract does not allow: "B", "C"',
    ]);
  });

  it("keeps zod's wording when it does not know the reply", () => {
    const result = z.object({ Code: z.number() }).safeParse({ Code: "0" });
    expect(issuesToViolations(result.error!.issues).map((v) => v.message)).toEqual(["Invalid input: expected number, received string"]);
  });
});
