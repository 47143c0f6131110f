// The small text rules of src/services/fees/fee-questions.ts and the hold arguments of 暂停催缴:
// pure functions, checked phrase by phrase.
import { describe, expect, it } from "vitest";
import { parseHoldArgs } from "../../src/bot/staff-commands/fees.js";
import { isFeeAmountQuestion, parseReminderReply } from "../../src/services/fees/fee-questions.js";

describe("parseReminderReply", () => {
  it.each([
    "已交", "已缴", "交过了", "已经缴了", "我已经交了", "已经交过了！", "我早就在微信上交了", "上个月交的", "昨天付了", "已缴费", "交了", "交完了哦",
  ])("%s → paid", (t) => expect(parseReminderReply(t)).toBe("paid"));

  it.each([
    "有问题", "金额不对", "为什么这么多", "怎么这么多？", "这个不对吧", "金额有问题", "我对这个费用有异议", "停车费多收了", "看不懂",
    "我已经交了，怎么交了两次", // paid, but with a question about the amount: the housekeeper explains it
  ])("%s → question", (t) => expect(parseReminderReply(t)).toBe("question"));

  it.each([
    "交了吗", "我还没交", "忘了交", "我不交了", "水管有问题", "厨房水管漏水了", "电梯又坏了为什么还没人修", "好的", "谢谢", "", "明天下午在家",
  ])("%s → null", (t) => expect(parseReminderReply(t)).toBeNull());

  it("ignores long messages", () => expect(parseReminderReply(`已交${"。".repeat(5)}${"我们家".repeat(20)}`)).toBeNull());
});

describe("isFeeAmountQuestion", () => {
  it.each([
    "为什么这个月物业费这么多", "停车费怎么多收了", "物业费为什么涨了", "今年物业费怎么这么贵", "我家物业费好像算错了", "水费单上的读数跟我家水表对不上",
    "物业费交了两次 能退一次吗", "电梯费为什么也要交 我住一楼", "为什么我家物业费还显示欠费",
  ])("%s → yes", (t) => expect(isFeeAmountQuestion(t)).toBe(true));

  it.each([
    "我家物业费还欠多少", "物业费怎么交", "物业费交到什么时候了", "物业费一平米多少钱", "发票怎么开", "物业费为什么不能用支付宝交", "停车费一个月多少钱", "为什么这么多",
  ])("%s → no", (t) => expect(isFeeAmountQuestion(t)).toBe(false));
});

describe("parseHoldArgs (暂停催缴)", () => {
  it("reads address, reason, note and days", () => {
    expect(parseHoldArgs("3-2-1201 争议 住户对面积有异议 30天")).toEqual({
      addressText: "3-2-1201", address: { building: "3", unit: "2", room: "1201" }, reason: "dispute", note: "住户对面积有异议", days: 30,
    });
    expect(parseHoldArgs("3栋2单元1201 分期 每月5日前还一期（60天）")).toMatchObject({ address: { building: "3", unit: "2", room: "1201" }, reason: "plan", note: "每月5日前还一期", days: 60 });
    expect(parseHoldArgs("4-1-301 分期缴费")).toMatchObject({ reason: "plan", note: "", days: null });
    expect(parseHoldArgs("4-1-301，费用争议：车位费")).toMatchObject({ addressText: "4-1-301", reason: "dispute", note: "车位费", days: null });
  });
  it("leaves what is missing null", () => {
    expect(parseHoldArgs("3-2-1201 不想交")).toMatchObject({ addressText: "3-2-1201", address: { building: "3", unit: "2", room: "1201" }, reason: null });
    expect(parseHoldArgs("争议 面积")).toMatchObject({ addressText: "", address: null, reason: "dispute" });
  });
});
