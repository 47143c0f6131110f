#!/usr/bin/env python3
"""Generates the adv23 scenario files (configuration and scenario-format checks).
Run: python3 _gen.py   (writes *.json next to this file)."""
import json, os, copy
DIR = os.path.dirname(os.path.abspath(__file__))

def T(s):  # "03-02 09:25" or "03-02 09:25:30" -> ISO in +08:00, year 2026
    d, t = s.split()
    if t.count(":") == 1: t += ":00"
    return "2026-%sT%s+08:00" % (d, t)

def W(a, b): return [T(a), T(b)]

def community(settings=None, bills=True, extra_households=(), extra_residents=(), groups=None, staff=None, grids=None):
    c = {
      "name": "祥云国际", "timezone": "Asia/Shanghai",
      "grids": grids or [
        {"id": "A", "name": "A区", "housekeeper": "hk1", "buildings": ["1", "2", "3"]},
        {"id": "B", "name": "B区", "housekeeper": "hk2", "buildings": ["4", "5"]}],
      "staff": staff or [
        {"id": "hk1", "name": "李敏", "role": "housekeeper"},
        {"id": "hk2", "name": "张晨", "role": "housekeeper"},
        {"id": "sup", "name": "王强", "role": "supervisor"},
        {"id": "mgr", "name": "赵磊", "role": "manager"},
        {"id": "desk", "name": "陈静", "role": "frontdesk"},
        {"id": "fix1", "name": "钱师傅", "role": "maintenance"}],
      "households": [
        {"building": "3", "unit": "2", "room": "1201", "owner": "张伟", "phone": "13912345678"},
        {"building": "4", "unit": "1", "room": "301", "owner": "赵敏", "phone": "13687654321"}] + list(extra_households),
      "bills": [
        {"building": "3", "unit": "2", "room": "1201", "item": "物业服务费", "period": "2026-01",
         "amount": "356.40", "dueDate": "2026-01-31", "paid": False}] if bills is True else (bills or []),
      "residents": [{"person": "res1", "building": "3", "unit": "2", "room": "1201", "verified": True}] + list(extra_residents),
      "groups": groups if groups is not None else [
        {"id": "g3", "topic": "3号楼业主群", "buildings": ["3"], "members": ["res1", "res2", "hk1"]}],
    }
    if settings is not None: c["settings"] = settings
    return c

PEOPLE = [{"id": "res1", "name": "张伟"}, {"id": "res2", "name": "刘洋"}, {"id": "res3", "name": "赵敏"}]
H502 = {"building": "3", "unit": "1", "room": "502", "owner": "刘洋", "phone": "13800001111"}
R502 = {"person": "res2", "building": "3", "unit": "1", "room": "502", "verified": True}
R301 = {"person": "res3", "building": "4", "unit": "1", "room": "301", "verified": True}

def say(frm, text, group=None, mention=None):
    d = {"from": frm, "text": text}
    if group: d["in"] = group
    if mention is not None: d["mention"] = mention
    return {"say": d}
def exp(to, match, capture=None, between=None):
    d = {"to": to, "match": match}
    if capture: d["capture"] = capture
    if between: d["between"] = between
    return {"expect": d}
def none(to, match=None, between=None):
    d = {"to": to}
    if match is not None: d["match"] = match
    if between: d["between"] = between
    return {"expectNone": d}
def adv(x): return {"advance": x}
def at(s): return {"at": T(s)}
def clear(x): return {"clear": x}

FILES = {}
def scen(name, steps, comm, start="03-02 09:00", people=None):
    FILES[name] = {"community": comm, "people": people or PEOPLE, "start": T(start), "steps": steps}

N = r"(?!\d)"  # after a ticket number

# ---------------------------------------------------------------- (a) settings
# acceptMinutes, partial override by grade; grade 1 keeps its 5 minutes
scen("cfg-accept-minutes-partial", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)[\s\S]*今天 10:00 前联系您", "t"),
    exp("hk1", r"【新工单 #${t}】[\s\S]*今天 10:00 前受理"),
    adv("59m"),
    none("sup", r"超时升级 #${t}" + N),
    exp("hk1", r"即将超时 #${t}" + N, between=W("03-02 09:55", "03-02 09:56")),
    adv("2m"),
    exp("sup", r"超时升级 #${t}" + N, between=W("03-02 10:00", "03-02 10:01")),
    say("res1", "3栋电梯里困人了，快来人"),
    exp("res1", r"已为您登记报修 #(\d+)", "u"),
    exp("hk1", r"【新工单 #${u}】[\s\S]*今天 10:06 前受理"),
], community({"acceptMinutes": {"3": 60}}, bills=False))

# defaults of the ticket clock: accept 30 / warn 5 / sup then manager, on site 240 business minutes,
# resolve same day 18:00 (warn 60 before), daily list 18:00, morning list 09:00, feedback 2 d, complete 5 d,
# a report after the 16:00 cut-off is due the next day
scen("cfg-defaults-ticket-clock", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    exp("hk1", r"【新工单 #${t}】[\s\S]*今天 09:30 前受理"),
    adv("26m"),
    exp("hk1", r"即将超时 #${t}" + N, between=W("03-02 09:25", "03-02 09:26")),
    adv("5m"),
    exp("sup", r"超时升级 #${t}" + N, between=W("03-02 09:30", "03-02 09:31")),
    none("mgr", r"超时升级 #${t}" + N),
    adv("30m"),
    exp("mgr", r"超时升级 #${t}" + N, between=W("03-02 10:00", "03-02 10:01")),
    say("hk1", "接单 #${t}"),
    at("03-02 13:01"),
    exp("hk1", r"即将超时 #${t}[\s\S]*到场", between=W("03-02 12:55", "03-02 12:56")),
    exp("sup", r"超时督办 #${t}[\s\S]*到场", between=W("03-02 13:00", "03-02 13:01")),
    at("03-02 16:30"),
    say("res3", "客厅的灯不亮了"),
    exp("res3", r"#(\d+)", "late"),
    at("03-02 18:01"),
    exp("hk1", r"即将超时 #${t}[\s\S]*处理完成", between=W("03-02 17:00", "03-02 17:01")),
    exp("hk1", r"日未处理工作盘点[\s\S]*#${t}" + N, between=W("03-02 18:00", "03-02 18:01")),
    exp("sup", r"日未处理工作盘点（全部）[\s\S]*#${t}" + N, between=W("03-02 18:00", "03-02 18:01")),
    exp("hk2", r"日未处理工作盘点[\s\S]*#${late}" + N, between=W("03-02 18:00", "03-02 18:01")),
    none("sup", r"超时督办 #${late}[\s\S]*处理完成"),
    exp("res1", r"#${t}[^\n]*3月4日 09:00 前向您反馈[^\n]*3月7日 09:00 前处理完成", between=W("03-02 18:00", "03-02 18:01")),
    at("03-03 09:01"),
    exp("hk1", r"昨日遗留[\s\S]*#${t}" + N, between=W("03-03 09:00", "03-03 09:01")),
    at("03-03 18:01"),
    exp("hk2", r"即将超时 #${late}[^\n]*距处理完成时限还有 60 分钟", between=W("03-03 17:00", "03-03 17:01")),
    exp("sup", r"超时督办 #${late}[\s\S]*处理完成", between=W("03-03 18:00", "03-03 18:01")),
], community(bills=False, extra_residents=[R301]))

scen("cfg-warn-before", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    at("03-02 17:30"),
    exp("hk1", r"距到场时限还有 15 分钟", between=W("03-02 12:45", "03-02 12:46")),
    exp("hk1", r"距处理完成时限还有 120 分钟", between=W("03-02 16:00", "03-02 16:01")),
    none("hk1", r"即将超时"),
], community({"warnBeforeMinutes": 15, "warnBeforeResolveMinutes": 120}, bills=False))

# warnBeforeMinutes before the acceptance deadline (30 minutes for grade 3): 15 minutes before = 09:15
scen("cfg-warn-before-accept", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    adv("20m"),
    exp("hk1", r"即将超时 #${t}[^\n]*距受理时限还有 15 分钟", between=W("03-02 09:15", "03-02 09:16")),
], community({"warnBeforeMinutes": 15}, bills=False))

# onsiteMinutes (partial: grade 3 only), and grade 3 counting business hours only
scen("cfg-onsite-minutes", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("61m"),
    exp("hk1", r"距到场时限还有 5 分钟", between=W("03-02 09:55", "03-02 09:56")),
    exp("sup", r"超时督办 #${t}[\s\S]*到场", between=W("03-02 10:00", "03-02 10:01")),
    at("03-02 20:00"),
    say("res3", "卫生间马桶堵了"),
    exp("res3", r"#(\d+)", "n"),
    say("hk2", "接单 #${n}"),
    at("03-03 09:31"),
    none("sup", r"超时督办 #${n}[\s\S]*到场", between=W("03-02 20:00", "03-03 09:30")),
    exp("sup", r"超时督办 #${n}[\s\S]*到场", between=W("03-03 09:30", "03-03 09:31")),
    say("res1", "3栋电梯里困人了"),
    exp("res1", r"已为您登记报修 #(\d+)", "u"),
    say("hk1", "接单 #${u}"),
    adv("31m"),
    exp("sup", r"超时督办 #${u}[\s\S]*到场", between=W("03-03 10:01", "03-03 10:02")),
], community({"onsiteMinutes": {"3": 60}}, bills=False, extra_residents=[R301]))

# businessHours and sameDayCutoff
scen("cfg-business-hours-cutoff", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "a"),
    adv("10m"),
    say("hk1", "接单 #${a}"),
    at("03-02 11:01"),
    exp("sup", r"超时督办 #${a}[\s\S]*到场", between=W("03-02 11:00", "03-02 11:01")),
    at("03-02 18:30"),
    say("res3", "卫生间马桶堵了"),
    exp("res3", r"#(\d+)", "b"),
    say("hk2", "接单 #${b}"),
    at("03-02 20:01"),
    none("hk1", r"即将超时 #${a}[\s\S]*处理完成", between=W("03-02 17:00", "03-02 17:01")),
    exp("hk1", r"即将超时 #${a}[\s\S]*处理完成", between=W("03-02 19:00", "03-02 19:01")),
    exp("sup", r"超时督办 #${a}[\s\S]*处理完成", between=W("03-02 20:00", "03-02 20:01")),
    exp("sup", r"超时督办 #${b}[\s\S]*处理完成", between=W("03-02 20:00", "03-02 20:01")),
], community({"businessHours": {"start": "07:00", "end": "20:00"}, "sameDayCutoff": "19:00"},
             bills=False, extra_residents=[R301]), start="03-02 06:00")

# urgentResolveHours, urgentRepeatMinutes, urgentRepeatMax overridden
scen("cfg-urgent", [
    say("res1", "3栋电梯里困人了，快来人"),
    exp("res1", r"#(\d+)", "t"),
    exp("mgr", r"【紧急 #${t}】"),
    at("03-02 09:24"),
    none("mgr", r"紧急·仍未受理 #${t}" + N, between=W("03-02 09:01", "03-02 09:10")),
    exp("mgr", r"紧急·仍未受理 #${t}" + N, between=W("03-02 09:10", "03-02 09:11")),
    exp("mgr", r"紧急·仍未受理 #${t}" + N, between=W("03-02 09:20", "03-02 09:21")),
    none("mgr", r"紧急·仍未受理"),
    at("03-02 09:59"),
    none("mgr", r"紧急·仍未受理"),
    say("hk1", "接单 #${t}"),
    say("hk1", "到场 #${t}"),
    at("03-02 11:01"),
    exp("hk1", r"即将超时 #${t}[^\n]*距处理完成时限还有 30 分钟", between=W("03-02 10:30", "03-02 10:31")),
    exp("mgr", r"超时督办 #${t}[\s\S]*处理完成", between=W("03-02 11:00", "03-02 11:01")),
    at("03-02 14:00"),
    none("mgr", r"超时督办 #${t}[\s\S]*处理完成"),
], community({"urgentResolveHours": 2, "urgentRepeatMinutes": 10, "urgentRepeatMax": 2, "warnBeforeResolveMinutes": 30}, bills=False))

scen("cfg-urgent-defaults", [
    say("res1", "3栋电梯里困人了，快来人"),
    exp("res1", r"#(\d+)", "t"),
    exp("hk1", r"今天 09:05 前受理"),
    adv("6m"),
    exp("mgr", r"紧急·仍未受理 #${t}】已过 5 分钟", between=W("03-02 09:05", "03-02 09:06")),
    at("03-02 15:00"),
    exp("mgr", r"紧急·仍未受理 #${t}】已过 240 分钟", between=W("03-02 13:00", "03-02 13:01")),
    none("mgr", r"紧急·仍未受理", between=W("03-02 13:01", "03-02 15:00")),
    exp("mgr", r"超时督办 #${t}[\s\S]*处理完成", between=W("03-02 13:00", "03-02 13:01")),
], community(bills=False))

# repairComplaintOnsiteMinutes: 15 instead of 5
scen("cfg-repair-complaint-onsite", [
    say("res1", "我要投诉，单元门禁坏了一周了没人修"),
    exp("res1", r"投诉 #(\d+)", "t"),
    adv("3m"),
    say("hk1", "接单 #${t}"),
    adv("20m"),
    none("sup", r"超时督办 #${t}[\s\S]*到场", between=W("03-02 09:00", "03-02 09:15")),
    exp("hk1", r"即将超时 #${t}[\s\S]*到场", between=W("03-02 09:10", "03-02 09:11")),
    exp("sup", r"超时督办 #${t}[\s\S]*到场", between=W("03-02 09:15", "03-02 09:16")),
], community({"repairComplaintOnsiteMinutes": 15}, bills=False))

scen("cfg-repair-complaint-onsite-null", [
    say("res1", "我要投诉，单元门禁坏了一周了没人修"),
    exp("res1", r"投诉 #(\d+)", "t"),
    adv("3m"),
    say("hk1", "接单 #${t}"),
    adv("4h"),
    none("sup", r"到场"),
    none("hk1", r"到场时限"),
], community({"repairComplaintOnsiteMinutes": None}, bills=False))

scen("cfg-repair-complaint-onsite-default", [
    say("res1", "我要投诉，单元门禁坏了一周了没人修"),
    exp("res1", r"投诉 #(\d+)", "t"),
    adv("3m"),
    say("hk1", "接单 #${t}"),
    adv("5m"),
    exp("sup", r"超时督办 #${t}[\s\S]*到场", between=W("03-02 09:05", "03-02 09:06")),
], community(bills=False))

scen("cfg-feedback-complete-days", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    at("03-02 18:01"),
    exp("res1", r"#${t}[^\n]*3月3日 09:00 前向您反馈[^\n]*3月5日 09:00 前处理完成", between=W("03-02 18:00", "03-02 18:01")),
    at("03-03 09:01"),
    exp("sup", r"超时督办 #${t}[\s\S]*反馈", between=W("03-03 09:00", "03-03 09:01")),
    at("03-05 09:01"),
    exp("mgr", r"#${t}" + N, between=W("03-05 09:00", "03-05 09:01")),
], community({"feedbackDays": 1, "completeDays": 3}, bills=False))

scen("cfg-deadline-rules", [
    say("res1", "3栋电梯坏了，按钮没反应"),
    exp("res1", r"#(\d+)", "lift"),
    exp("hk1", r"【新工单 #${lift}】[\s\S]*今天 09:03 前受理"),
    say("res3", "厨房水管漏水了"),
    exp("res3", r"#(\d+)", "w"),
    exp("hk2", r"【新工单 #${w}】[\s\S]*今天 09:45 前受理"),
    say("res1", "我家客厅灯不亮了"),
    exp("res1", r"#(\d+)", "e"),
    exp("hk1", r"【新工单 #${e}】[\s\S]*今天 09:30 前受理"),
    adv("2m"),
    say("hk1", "接单 #${lift}"),
    say("hk1", "到场 #${lift}"),
    at("03-02 11:01"),
    none("sup", r"超时督办 #${lift}[\s\S]*处理完成", between=W("03-02 09:00", "03-02 11:00")),
    exp("sup", r"超时督办 #${lift}[\s\S]*处理完成", between=W("03-02 11:00", "03-02 11:01")),
], community({"deadlineRules": [
    {"category": "elevator", "acceptMinutes": 3, "resolveHours": 2},
    {"category": "elevator", "acceptMinutes": 20},
    {"category": "water", "urgency": 3, "acceptMinutes": 45}]}, bills=False, extra_residents=[R301]))

scen("cfg-default-wait-hours", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("10m"),
    say("hk1", "等待 #${t} 业主不在家"),
    exp("res1", r"#${t}[^\n]*(今天|3月2日) 12:10"),
    exp("hk1", r"#${t}[^\n]*(今天|3月2日) 12:10"),
    at("03-02 12:11"),
    exp("hk1", r"#${t}" + N, between=W("03-02 12:10", "03-02 12:11")),
], community({"defaultWaitHours": 3}, bills=False))

scen("cfg-default-wait-hours-default", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("10m"),
    say("hk1", "等待 #${t} 业主不在家"),
    exp("res1", r"#${t}[^\n]*3月3日 09:10"),
    at("03-03 09:11"),
    exp("hk1", r"#${t}" + N, between=W("03-03 09:10", "03-03 09:11")),
], community(bills=False))

scen("cfg-daily-list-times", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    at("03-03 09:30"),
    exp("hk1", r"日未处理工作盘点[\s\S]*#${t}" + N, between=W("03-02 17:30", "03-02 17:31")),
    exp("sup", r"日未处理工作盘点（全部）[\s\S]*#${t}" + N, between=W("03-02 17:30", "03-02 17:31")),
    none("hk1", r"日未处理工作盘点"),
    exp("hk1", r"昨日遗留[\s\S]*#${t}" + N, between=W("03-03 08:00", "03-03 08:01")),
    none("hk1", r"昨日遗留"),
], community({"dailyListAt": "17:30", "morningListAt": "08:00"}, bills=False))

scen("cfg-report-at", [
    at("03-09 11:00"),
    none("sup", r"【周报】", between=W("03-09 00:00", "03-09 10:30")),
    exp("sup", r"【周报】全小区 3月2日—3月8日", between=W("03-09 10:30", "03-09 10:31")),
    exp("mgr", r"【周报】全小区 3月2日—3月8日", between=W("03-09 10:30", "03-09 10:31")),
    exp("mgr", r"【物业费收缴进度表】3月2日—3月8日", between=W("03-09 10:30", "03-09 10:31")),
    none("hk1", r"【周报】"),
    at("04-01 11:00"),
    exp("sup", r"汇总|月报", between=W("04-01 10:30", "04-01 10:31")),
    exp("mgr", r"管理报告", between=W("04-01 10:30", "04-01 10:31")),
], community({"reportAt": "10:30"}), start="03-08 12:00")

scen("cfg-report-at-default", [
    at("03-09 10:00"),
    exp("sup", r"【周报】全小区 3月2日—3月8日", between=W("03-09 09:00", "03-09 09:01")),
    exp("mgr", r"【物业费收缴进度表】", between=W("03-09 09:00", "03-09 09:01")),
    none("mgr", r"管理报告"),
], community(), start="03-08 12:00")

# reportAt inside quiet hours is moved out of them; quietHours given in part (end only)
scen("cfg-report-at-quiet", [
    at("03-09 11:00"),
    none("sup", r"【周报】", between=W("03-09 00:00", "03-09 10:00")),
    exp("sup", r"【周报】全小区 3月2日—3月8日", between=W("03-09 10:00", "03-09 10:01")),
], community({"reportAt": "07:00", "quietHours": {"end": "10:00"}}), start="03-08 12:00")

scen("cfg-incident-window", [
    say("res1", "3栋电梯坏了，按钮没反应"),
    exp("res1", r"#(\d+)", "t"),
    at("03-02 10:30"),
    say("res2", "3栋的电梯坏了，一直停在一楼不动"),
    none("res2", r"已有邻居报过"),
    exp("res2", r"已为您登记报修 #(\d+)", "t2"),
    none("res2", r"#${t}" + N),
], community({"incidentWindowHours": 1}, bills=False, extra_households=[H502], extra_residents=[R502]))

scen("cfg-incident-window-default", [
    say("res1", "3栋电梯坏了，按钮没反应"),
    exp("res1", r"#(\d+)", "t"),
    at("03-02 14:30"),
    say("res2", "3栋的电梯坏了，一直停在一楼不动"),
    exp("res2", r"已有邻居报过[^\n]*#${t}" + N),
], community(bills=False, extra_households=[H502], extra_residents=[R502]))

scen("cfg-revisit-after-at", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("30m"),
    say("hk1", "完成 #${t} 换了角阀"),
    at("03-04 15:01"),
    none("res1", r"满意吗", between=W("03-02 09:30", "03-04 15:00")),
    exp("res1", r"回访[^\n]*#${t}[\s\S]*满意吗", between=W("03-04 15:00", "03-04 15:01")),
    say("res1", "满意"),
    at("03-07 09:00"),
    none("desk", r"电话回访"),
], community({"revisitAfterDays": 2, "revisitAt": "15:00"}, bills=False))

# revisit time by default: small hours -> same day 10:00; 09:40 -> next day 09:40; 15:00 -> next day 10:00;
# revisitTimeoutHours default 48
scen("cfg-revisit-default-time", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "a"),
    say("hk1", "接单 #${a}"),
    at("03-03 02:00"),
    say("hk1", "完成 #${a} 关了总阀换了管"),
    at("03-03 09:40"),
    say("res2", "卫生间水龙头一直滴水"),
    exp("res2", r"#(\d+)", "b"),
    say("hk1", "接单 #${b}"),
    say("hk1", "完成 #${b} 换了水龙头"),
    at("03-03 10:01"),
    exp("res1", r"回访[^\n]*#${a}" + N, between=W("03-03 10:00", "03-03 10:01")),
    say("res1", "1"),
    at("03-03 15:00"),
    say("res3", "客厅灯不亮了"),
    exp("res3", r"#(\d+)", "c"),
    say("hk2", "接单 #${c}"),
    say("hk2", "完成 #${c} 换了灯泡"),
    at("03-04 10:01"),
    exp("res2", r"回访[^\n]*#${b}" + N, between=W("03-04 09:40", "03-04 09:41")),
    exp("res3", r"回访[^\n]*#${c}" + N, between=W("03-04 10:00", "03-04 10:01")),
    say("res2", "2"),
    at("03-06 10:01"),
    none("desk", r"电话回访 #${c}", between=W("03-04 10:00", "03-06 10:00")),
    exp("desk", r"电话回访 #${c}" + N, between=W("03-06 10:00", "03-06 10:01")),
    none("desk", r"电话回访 #(${a}|${b})" + N),
], community(bills=False, extra_households=[H502], extra_residents=[R502, R301]), start="03-02 22:00")

scen("cfg-revisit-timeout", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("30m"),
    say("hk1", "完成 #${t} 换了角阀"),
    at("03-03 15:31"),
    exp("res1", r"回访[^\n]*#${t}", between=W("03-03 09:30", "03-03 09:31")),
    none("desk", r"电话回访", between=W("03-03 09:30", "03-03 15:30")),
    exp("desk", r"电话回访 #${t}" + N, between=W("03-03 15:30", "03-03 15:31")),
    none("sup", r"回访不满意"),
], community({"revisitTimeoutHours": 6}, bills=False))

# no front desk on staff: the ticket's assignee phones
scen("cfg-revisit-timeout-no-desk", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    adv("30m"),
    say("hk1", "完成 #${t} 换了角阀"),
    at("03-03 11:31"),
    exp("res1", r"回访[^\n]*#${t}", between=W("03-03 09:30", "03-03 09:31")),
    exp("hk1", r"电话回访 #${t}" + N, between=W("03-03 11:30", "03-03 11:31")),
], community({"revisitTimeoutHours": 2}, bills=False, staff=[
    {"id": "hk1", "name": "李敏", "role": "housekeeper"},
    {"id": "hk2", "name": "张晨", "role": "housekeeper"},
    {"id": "sup", "name": "王强", "role": "supervisor"},
    {"id": "mgr", "name": "赵磊", "role": "manager"}]))

# quietHours (end only): the revisit at revisitAt 08:00 waits for 10:30; private notice messages wait too
scen("cfg-quiet-hours", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    say("hk1", "完成 #${t} 换了角阀"),
    at("03-02 21:30"),
    say("mgr", "通知 3栋 私信 明天下午电梯保养，请大家错峰出行"),
    exp("mgr", r"通知草稿 #(\d+)", "n"),
    say("mgr", "确认"),
    adv("1m"),
    exp("g3", r"电梯保养", between=W("03-02 21:30", "03-02 21:31")),
    at("03-03 10:31"),
    none("res1", r"电梯保养", between=W("03-02 21:30", "03-03 10:30")),
    none("res1", r"满意吗", between=W("03-02 21:30", "03-03 10:30")),
    exp("res1", r"电梯保养", between=W("03-03 10:30", "03-03 10:31")),
    exp("res1", r"回访[^\n]*#${t}", between=W("03-03 10:30", "03-03 10:31")),
], community({"quietHours": {"end": "10:30"}, "revisitAt": "08:00"}, bills=False))

scen("cfg-quiet-hours-default", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    say("hk1", "接单 #${t}"),
    say("hk1", "完成 #${t} 换了角阀"),
    at("03-02 20:30"),
    say("mgr", "通知 3栋 私信 明天上午电梯保养"),
    say("mgr", "确认"),
    adv("1m"),
    exp("res1", r"电梯保养", between=W("03-02 20:30", "03-02 20:31")),
    at("03-02 21:10"),
    say("mgr", "通知 3栋 私信 后天上午水箱清洗"),
    say("mgr", "确认"),
    adv("1m"),
    exp("g3", r"水箱清洗", between=W("03-02 21:10", "03-02 21:11")),
    at("03-04 09:01"),
    none("res1", r"水箱清洗", between=W("03-02 21:10", "03-03 09:00")),
    exp("res1", r"水箱清洗", between=W("03-03 09:00", "03-03 09:01")),
    none("res1", r"满意吗", between=W("03-03 21:00", "03-04 09:00")),
    exp("res1", r"回访[^\n]*#${t}", between=W("03-04 09:00", "03-04 09:01")),
], community({"revisitAt": "21:30"}, bills=False))

scen("cfg-bind-lockout", [
    say("res3", "4-1-301"),
    exp("res3", r"后四位|尾号"),
    say("res3", "0000"),
    exp("res3", r"还可以再试 1 次"),
    say("res3", "1111"),
    exp("res3", r"锁定[^\n]*3月2日 09:10"),
    say("res3", "4321"),
    none("res3", r"绑定成功"),
    adv("5m"),
    say("res3", "4-1-301"),
    none("res3", r"绑定成功|后四位（尾号），以核实"),
    adv("6m"),
    say("res3", "4-1-301"),
    exp("res3", r"后四位|尾号"),
    say("res3", "4321"),
    exp("res3", r"绑定成功"),
], community({"bindMaxFailures": 2, "bindLockMinutes": 10}, bills=False))

scen("cfg-bind-lockout-default", [
    say("res3", "4-1-301"),
    say("res3", "0000"),
    say("res3", "1111"),
    exp("res3", r"还可以再试 1 次"),
    say("res3", "4321"),
    exp("res3", r"绑定成功"),
    say("res2", "3-1-502"),
    say("res2", "0000"),
    say("res2", "0001"),
    say("res2", "0002"),
    exp("res2", r"锁定[^\n]*3月2日 10:00"),
    adv("30m"),
    clear("res2"),
    say("res2", "3-1-502"),
    none("res2", r"后四位（尾号），以核实"),
    adv("31m"),
    say("res2", "3-1-502"),
    exp("res2", r"后四位|尾号"),
    say("res2", "1111"),
    exp("res2", r"绑定成功"),
], community(bills=False, extra_households=[H502]))

scen("cfg-group-ticket-confidence", [
    say("res2", "3栋2单元电梯坏了，按钮按了没反应", group="g3"),
    adv("1m"),
    none("hk1"),
    none("g3"),
    say("res2", "@物业小助手 3栋2单元电梯坏了，按钮按了没反应", group="g3", mention=True),
    exp("hk1", r"【新工单 #\d+】"),
], community({"groupTicketConfidence": 1}, bills=False))

scen("cfg-group-ticket-confidence-default", [
    say("res2", "3栋2单元电梯坏了，按钮按了没反应", group="g3"),
    exp("hk1", r"【新工单 #(\d+)】", "t"),
    exp("g3", r"已登记 #${t}" + N),
], community(bills=False))

CH = "请到3栋一楼物业前台缴纳，或在工行App「智慧物业」缴费"
scen("cfg-payment-channels", [
    say("res1", "我家物业费还欠多少"),
    exp("res1", r"356\.40[\s\S]*工行App「智慧物业」"),
    none("res1", r"公众号「物业服务」"),
    at("03-03 09:01"),
    exp("res1", r"温馨提示[\s\S]*工行App「智慧物业」", between=W("03-03 09:00", "03-03 09:01")),
], community({"paymentChannels": CH}))

scen("cfg-fee-reminders", [
    at("03-06 09:59"),
    none("res1"),
    at("03-06 10:01"),
    exp("res1", r"温馨提示[\s\S]*合计 200\.00", between=W("03-06 10:00", "03-06 10:01")),
    at("03-08 10:01"),
    none("res1", between=W("03-06 10:01", "03-08 10:00")),
    exp("res1", r"温馨提示", between=W("03-08 10:00", "03-08 10:01")),
    at("03-10 10:01"),
    exp("res1", r"温馨提示", between=W("03-10 10:00", "03-10 10:01")),
    at("03-31 23:00"),
    none("res1", r"温馨提示"),
], community({"feeReminderAt": "10:00", "feeFirstReminderDays": 5, "feeReminderIntervalDays": 2,
              "feeMaxRemindersPerMonth": 3},
             bills=[{"building": "3", "unit": "2", "room": "1201", "item": "物业服务费", "period": "2026-02",
                     "amount": "200.00", "dueDate": "2026-03-01", "paid": False}]), start="03-01 08:00")

scen("cfg-fee-reminders-default", [
    at("03-03 09:01"),
    none("res1", between=W("03-01 08:00", "03-03 09:00")),
    exp("res1", r"温馨提示[\s\S]*合计 200\.00[\s\S]*缴费", between=W("03-03 09:00", "03-03 09:01")),
    at("03-17 09:01"),
    none("res1", r"温馨提示", between=W("03-03 09:01", "03-17 09:00")),
    exp("res1", r"温馨提示", between=W("03-17 09:00", "03-17 09:01")),
    at("03-31 23:00"),
    none("res1", r"温馨提示"),
], community(bills=[{"building": "3", "unit": "2", "room": "1201", "item": "物业服务费", "period": "2026-02",
                     "amount": "200.00", "dueDate": "2026-02-28", "paid": False}]), start="03-01 08:00")

G3B = {"id": "g3b", "topic": "3号楼二群", "buildings": ["3"], "members": ["res1"]}
G3 = {"id": "g3", "topic": "3号楼业主群", "buildings": ["3"], "members": ["res1", "res2", "hk1"]}
scen("cfg-notice-pacing", [
    say("mgr", "通知 3栋 明天停车场划线，请挪车"),
    exp("mgr", r"通知草稿 #\d+[\s\S]*5 分钟内有效"),
    adv("6m"),
    say("mgr", "确认"),
    adv("5m"),
    none("g3"), none("g3b"),
    say("mgr", "通知 3栋 周六上午消防演练"),
    adv("2m"),
    say("mgr", "确认"),
    adv("5m"),
    exp("g3", r"消防演练", between=W("03-02 09:13", "03-02 09:13:30")),
    none("g3b", r"消防演练", between=W("03-02 09:13", "03-02 09:15")),
    exp("g3b", r"消防演练", between=W("03-02 09:15", "03-02 09:15:30")),
], community({"noticeDraftMinutes": 5, "noticeGapSeconds": 120, "noticeJitterSeconds": 0}, bills=False,
             groups=[G3, G3B]))

scen("cfg-notice-defaults", [
    say("mgr", "通知 3栋 明天停车场划线，请挪车"),
    exp("mgr", r"通知草稿 #\d+[\s\S]*30 分钟内有效"),
    adv("25m"),
    say("mgr", "确认"),
    adv("1m"),
    exp("g3", r"停车场划线", between=W("03-02 09:25", "03-02 09:25:10")),
    exp("g3b", r"停车场划线", between=W("03-02 09:25", "03-02 09:25:10")),
    say("mgr", "通知 3栋 周六上午消防演练"),
    adv("31m"),
    say("mgr", "确认"),
    exp("mgr", r"没有待确认"),
    adv("5m"),
    none("g3", r"消防演练"), none("g3b", r"消防演练"),
], community(bills=False, groups=[G3, G3B]))

RES_ALL = [R502, R301]
scen("cfg-survey", [
    at("03-02 10:00"),
    say("mgr", "满意度调查 开始"),
    exp("mgr", r"满意度调查 #(\d+) 已开始[^\n]*100%[^\n]*3 户[\s\S]*调查项目：保洁、绿化\n[\s\S]*1 天后提醒一次[\s\S]*截止 3月5日 10:00", "s"),
    adv("21m"),
    exp("res1", r"共 2 题[\s\S]*第 1/2 题：您对「保洁」", between=W("03-02 10:00", "03-02 10:21")),
    exp("res2", r"共 2 题[\s\S]*第 1/2 题：您对「保洁」", between=W("03-02 10:00", "03-02 10:21")),
    exp("res3", r"共 2 题[\s\S]*第 1/2 题：您对「保洁」", between=W("03-02 10:00", "03-02 10:21")),
    say("res1", "1"),
    exp("res1", r"第 2/2 题：您对「绿化」"),
    say("res1", "2"),
    say("res1", "无"),
    exp("res1", r"感谢您参与"),
    at("03-03 11:00"),
    none("res1", r"第 \d/2 题"),
    exp("res2", r"第 1/2 题：您对「保洁」", between=W("03-03 10:00", "03-03 10:21")),
    exp("res3", r"第 1/2 题：您对「保洁」", between=W("03-03 10:00", "03-03 10:21")),
    at("03-05 10:01"),
    exp("mgr", r"满意度调查 #${s} 已结束", between=W("03-05 10:00", "03-05 10:01")),
], community({"surveyServices": ["保洁", "绿化"], "surveySampleRatio": 1, "surveyWindowDays": 3,
              "surveyReminderDays": 1, "surveyPaceSeconds": 600}, bills=False,
             extra_households=[H502], extra_residents=RES_ALL))

scen("cfg-survey-pacing", [
    at("03-02 10:00"),
    say("mgr", "满意度调查 种子 7"),
    exp("mgr", r"满意度调查 #\d+ 已开始[^\n]*3 户"),
    adv("30s"),
    clear("res1"), clear("res2"), clear("res3"),
    adv("9m"),
    none("res1"), none("res2"), none("res3"),
    adv("2m"),
    clear("res1"), clear("res2"), clear("res3"),
    adv("8m"),
    none("res1"), none("res2"), none("res3"),
    at("03-04 10:21"),
    none("res1", r"第 \d/6 题", between=W("03-02 10:21", "03-04 10:00")),
    exp("res1", r"第 1/6 题", between=W("03-04 10:00", "03-04 10:21")),
    exp("res2", r"第 1/6 题", between=W("03-04 10:00", "03-04 10:21")),
    exp("res3", r"第 1/6 题", between=W("03-04 10:00", "03-04 10:21")),
], community({"surveySampleRatio": 1, "surveyPaceSeconds": 600}, bills=False,
             extra_households=[H502], extra_residents=RES_ALL))

H5 = [{"building": "5", "unit": "1", "room": "%d01" % i, "owner": "业主%d" % i, "phone": "1390000%04d" % i} for i in range(1, 4)]
R5 = [{"person": "p5%d" % i, "building": "5", "unit": "1", "room": "%d01" % i, "verified": True} for i in range(1, 4)]
P5 = [{"id": "p5%d" % i, "name": "业主%d" % i} for i in range(1, 4)]
scen("cfg-survey-defaults", [
    at("03-02 10:00"),
    say("mgr", "满意度调查 开始"),
    exp("mgr", r"满意度调查 #(\d+) 已开始[^\n]*6 户[^\n]*20%[^\n]*抽取 2 户[\s\S]*调查项目：客户服务、维修服务、保洁、绿化、秩序维护、社区活动\n[\s\S]*2 天后提醒一次[\s\S]*截止 3月9日 10:00", "s"),
    at("03-09 10:01"),
    exp("mgr", r"满意度调查 #${s} 已结束", between=W("03-09 10:00", "03-09 10:01")),
], community(bills=False, extra_households=[H502] + H5, extra_residents=RES_ALL + R5), people=PEOPLE + P5)

scen("cfg-survey-targets", [
    at("03-02 10:00"),
    say("mgr", "满意度调查 比例 100% 种子 1"),
    exp("mgr", r"满意度调查 #(\d+) 已开始", "s"),
    exp("res1", r"您对「保洁」"),
    say("res1", "3"),
    exp("res1", r"您对「绿化」"),
    say("res1", "1"),
    exp("res1", r"您对「客户服务」"),
    say("res1", "1"),
    say("res1", "无"),
    say("mgr", "调查结果 #${s}"),
    exp("mgr", r"^(?=[\s\S]*总体满意率 66\.7%[^\n]*目标 ≥50%，达标)(?=[\s\S]*保洁 0%[^\n]*目标 ≥99%，未达标)"
               r"(?=[\s\S]*绿化 100%[^\n]*目标 ≥90%，达标)(?=[\s\S]*客户服务 100%[^\n]*目标 ≥50%，达标)"),
], community({"surveyTargets": {"保洁": 0.99, "overall": 0.5}, "surveyServices": ["保洁", "绿化", "客户服务"]}, bills=False))

# the services named in the command, among them 客户服务 (a documented service name)
scen("cfg-survey-services-command", [
    say("mgr", "满意度调查 比例 100% 服务 保洁,客户服务"),
    exp("mgr", r"满意度调查 #\d+ 已开始[\s\S]*调查项目：保洁、客户服务\n"),
    exp("res1", r"共 2 题[\s\S]*您对「保洁」"),
], community(bills=False))

scen("cfg-unknown-setting-ignored", [
    say("res1", "厨房水管漏水了"),
    exp("hk1", r"【新工单 #\d+】[\s\S]*今天 09:45 前受理"),
], community({"someFutureSetting": 42, "acceptMinutes": {"3": 45}}, bills=False))

# ---------------------------------------------------------------- (b) the format itself
scen("fmt-time-travel", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t", between=W("03-02 23:30", "03-02 23:31")),
    adv("90s"),
    none("sup", between=["2026-03-02T23:30:00+08:00", "2026-03-02T23:59:59+08:00"]),
    adv("29m"),
    exp("sup", r"超时升级 #${t}" + N, between=["2026-03-03T00:00:00+08:00", "2026-03-03T00:01:00+08:00"]),
    none("res1", r"久等"),
    at("03-03 07:45"),
    say("hk1", "接单 #${t}"),
    exp("res1", r"#${t}[^\n]*受理", between=W("03-03 07:45", "03-03 07:46")),
    clear("res1"), clear("sup"), clear("hk1"), clear("mgr"),
    none("res1"), none("sup"), none("hk1"),
    adv("2h"),
    say("hk1", "完成 #${t} 换了水龙头"),
    exp("res1", r"#${t}" + N),
    adv("1d"),
    exp("res1", r"回访[^\n]*#${t}[\s\S]*满意吗", between=W("03-04 09:45", "03-04 09:46")),
    none("res1", r"满意吗"),
    say("res1", "1"),
    at("03-06 00:00"),
    none("desk", r"电话回访"),
    none("sup", r"回访不满意"),
], community(bills=False), start="03-02 23:30")

G4 = {"id": "g4", "topic": "4号楼业主群", "buildings": ["4"], "members": ["res3"]}
GALL = {"id": "all", "topic": "祥云国际业主大群", "members": ["res1", "res2", "res3", "hk1", "hk2"]}
scen("fmt-captures-groups", [
    say("mgr", "通知 3栋 明天9点电梯保养"),
    exp("mgr", r"通知草稿 #(\d+)", "n1"),
    say("mgr", "确认"),
    adv("2m"),
    exp("g3", r"电梯保养"),
    none("g4"),
    none("all"),
    exp("mgr", r"通知 #${n1}" + N + r"[\s\S]*已发送"),
    say("mgr", "通知 全体 周六上午社区义诊活动"),
    exp("mgr", r"通知草稿 #(\d+)", "n2"),
    say("mgr", "确认"),
    adv("1m"),
    exp("all", r"义诊"),
    exp("g3", r"义诊"),
    exp("g4", r"义诊"),
    say("res1", "@物业小助手 3栋2单元门口的路灯不亮了", group="g3", mention=True),
    exp("g3", r"已登记 #(\d+)", "t"),
    exp("hk1", r"【新工单 #${t}】"),
    say("hk1", "备注 #${t} 已联系电工下午来"),
    say("res1", "#${t}"),
    exp("res1", r"#${t}" + N),
    say("res1", "进度"),
    exp("res1", r"#${t}" + N),
    say("res3", "@物业小助手 物业费怎么交", group="all", mention=True),
    adv("1m"),
    none("all", r"356"),
], community(groups=[G3, G4, GALL], extra_residents=[R301]))

STAFF_ALL = [
    {"id": "hk1", "name": "李敏", "role": "housekeeper"},
    {"id": "ghk", "name": "周金", "role": "gold_housekeeper"},
    {"id": "lead", "name": "吴组长", "role": "team_lead"},
    {"id": "sup", "name": "王强", "role": "supervisor"},
    {"id": "mgr", "name": "赵磊", "role": "manager"},
    {"id": "desk", "name": "陈静", "role": "frontdesk"},
    {"id": "fix1", "name": "钱师傅", "role": "maintenance"}]
GRIDS3 = [
    {"id": "A", "name": "A区", "housekeeper": "hk1", "buildings": ["1", "2", "3"]},
    {"id": "B", "name": "B区", "housekeeper": "ghk", "buildings": ["4", "5", "6"]},
    {"id": "C", "name": "C区", "buildings": ["7"]}]
HH = [{"building": "5", "unit": "1", "room": "101", "owner": "孙丽", "phone": "13711112222"},
      {"building": "6", "unit": "1", "room": "601", "owner": "周杰"},
      {"building": "7", "unit": "1", "room": "101", "owner": "郑华", "phone": "13755556666"}]
R7 = {"person": "res4", "building": "7", "unit": "1", "room": "101", "verified": True}
PX = PEOPLE + [{"id": "res4", "name": "郑华"}, {"id": "res5", "name": "孙丽"}, {"id": "res6", "name": "周杰"}]
scen("fmt-roles", [
    say("res3", "卫生间马桶堵了"),
    exp("res3", r"#(\d+)", "t"),
    exp("ghk", r"【新工单 #${t}】"),
    none("hk1", r"#${t}" + N),
    say("ghk", "接单 #${t}"),
    exp("res3", r"#${t}[^\n]*周金"),
    say("ghk", "转单 #${t} 钱师傅"),
    exp("fix1", r"#${t}" + N),
    say("fix1", "到场 #${t}"),
    clear("ghk"),
    say("fix1", "完成 #${t} 疏通了下水"),
    exp("res3", r"#${t}[^\n]*已处理完成"),
    exp("ghk", r"#${t}" + N + r"[^\n]*钱师傅"),
    say("res4", "客厅灯不亮了"),
    exp("res4", r"#(\d+)", "c"),
    exp("desk", r"【新工单 #${c}】"),
    say("lead", "通知 4栋 明天上午清洗水箱"),
    exp("lead", r"通知草稿 #\d+"),
    say("lead", "确认"),
    adv("1m"),
    exp("g4", r"清洗水箱"),
    say("desk", "通知 全体 明天停电"),
    exp("desk", r"仅限"),
    adv("1m"),
    none("all"),
    none("mgr"),
    say("fix1", "我的工单"),
    exp("fix1", r"没有进行中的工单"),
    say("fix1", "日报"),
    exp("fix1", r"仅限"),
    none("fix1", r"【日报】|受理 \d"),
    say("lead", "欠费"),
    exp("lead", r"全小区"),
    say("sup", "日报"),
    exp("sup", r"【日报】全小区[\s\S]*B区·周金[\s\S]*C区"),
], community(bills=False, staff=STAFF_ALL, grids=GRIDS3, extra_households=HH, extra_residents=[R301, R7],
             groups=[G3, G4, GALL]), people=PX)

scen("fmt-households", [
    say("res5", "5-1-101"),
    exp("res5", r"后四位|尾号"),
    say("res5", "2222"),
    exp("res5", r"绑定成功[^\n]*5栋1单元101[^\n]*周金"),
    say("res6", "6栋1单元601"),
    exp("res6", r"前台"),
    none("res6", r"后四位（尾号），以核实"),
    say("res5", "厨房水管漏水了"),
    exp("ghk", r"【新工单 #\d+】[\s\S]*5栋1单元101"),
], community(bills=False, staff=STAFF_ALL, grids=GRIDS3, extra_households=HH, extra_residents=[R301]), people=PX)

# the runner's import step (README): bills, then payments, mid-scenario
scen("fmt-import", [
    say("res1", "我家物业费还欠多少"),
    none("res1", r"356\.40"),
    clear("res1"),
    {"import": {"kind": "bills", "csv": "building,unit,room,item,period,amount,dueDate\n3,2,1201,物业服务费,2026-02,356.40,2026-02-28\n"}},
    say("res1", "我家物业费还欠多少"),
    exp("res1", r"物业服务费 2026-02：356\.40"),
    {"import": {"kind": "payments", "csv": "building,unit,room,item,period,amount,paidAt\n3,2,1201,物业服务费,2026-02,356.40,2026-03-02\n"}},
    say("res1", "我家物业费还欠多少"),
    none("res1", r"356\.40"),
    at("03-31 10:00"),
    none("res1", r"温馨提示"),
], community(bills=False), start="03-02 10:00")

# an expectation that cannot hold: the runner must exit 1 and name the failed step
scen("xfail-expect-exit1", [
    say("res1", "厨房水管漏水了"),
    exp("res1", r"#(\d+)", "t"),
    exp("hk2", r"#${t}" + N),
], community(bills=False))

# the clock never goes backwards: an "at" before now fails that step (exit 1)
scen("xfail-at-backwards", [
    adv("1h"),
    at("03-02 09:30"),
], community(bills=False))

# ---------------------------------------------------------------- (c) invalid files
GOOD = lambda: {"community": community(bills=False), "people": copy.deepcopy(PEOPLE), "start": T("03-02 09:00"),
                "steps": [say("res1", "厨房水管漏水了"), exp("res1", r"#(\d+)", "t")]}
BAD = {}
def bad(name, mutate):
    d = GOOD(); mutate(d); BAD[name] = d
bad("bad-start-type", lambda d: d.__setitem__("start", 20260302))
bad("bad-start-time", lambda d: d.__setitem__("start", "2026-02-30T25:61:00+08:00"))
bad("bad-step-kind", lambda d: d["steps"].append({"sleep": "1h"}))
bad("bad-say-unknown-person", lambda d: d["steps"].insert(0, say("ghost", "你好")))
bad("bad-expect-unknown-recipient", lambda d: d["steps"].append(exp("nobody", "x")))
bad("bad-say-unknown-group", lambda d: d["steps"].append(say("res1", "你好", group="g9", mention=True)))
bad("bad-advance-unit", lambda d: d["steps"].append(adv("soon")))
bad("bad-expectnone-unknown-recipient", lambda d: d["steps"].append(none("hk9")))
bad("bad-at-time", lambda d: d["steps"].append({"at": "next tuesday"}))
bad("bad-between-time", lambda d: d["steps"].append(none("res1", between=["yesterday", T("03-02 10:00")])))
bad("bad-role", lambda d: d["community"]["staff"][4].__setitem__("role", "janitor"))
bad("bad-text-type", lambda d: d["steps"].__setitem__(0, {"say": {"from": "res1", "text": 42}}))
bad("bad-group-member", lambda d: d["community"]["groups"][0]["members"].append("ghost"))
bad("bad-housekeeper-twice", lambda d: d["community"]["grids"][1].__setitem__("housekeeper", "hk1"))
bad("bad-settings-type", lambda d: d["community"].__setitem__("settings", {"acceptMinutes": {"3": "soon"}}))
bad("bad-clear-unknown", lambda d: d["steps"].append(clear("ghost")))

# expected exit code and a path the printed error must name
EXPECT = {
    "bad-start-type": "start", "bad-start-time": "start", "bad-step-kind": "steps.2",
    "bad-say-unknown-person": "steps.0.say.from", "bad-expect-unknown-recipient": "steps.2.expect.to",
    "bad-say-unknown-group": "steps.2.say.in", "bad-advance-unit": "steps.2.advance", "bad-at-time": "steps.2.at",
    "bad-between-time": "steps.2.expectNone.between.0", "bad-role": "community.staff.4.role",
    "bad-text-type": "steps.0", "bad-expectnone-unknown-recipient": "steps.2.expectNone.to", "bad-group-member": "community.groups.0.members.3",
    "bad-housekeeper-twice": "community.grids.1", "bad-settings-type": "community.settings.acceptMinutes.3",
    "bad-clear-unknown": "steps.2.clear",
    "xfail-expect-exit1": "FAIL at step 2", "xfail-at-backwards": "FAIL at step 1",
}

if __name__ == "__main__":
    for f in os.listdir(DIR):
        if f.endswith(".json"): os.remove(os.path.join(DIR, f))
    for name, d in list(FILES.items()) + list(BAD.items()):
        with open(os.path.join(DIR, name + ".json"), "w") as fh:
            json.dump(d, fh, ensure_ascii=False, indent=1); fh.write("\n")
    with open(os.path.join(DIR, "check-expected.txt"), "w") as fh:
        json.dump({"exit": {**{n: 0 for n in FILES if not n.startswith("xfail")}, "xfail-expect-exit1": 1, "xfail-at-backwards": 1,
                            **{n: 2 for n in BAD}}, "path": EXPECT}, fh, ensure_ascii=False, indent=1)
    print(len(FILES), "scenarios,", len(BAD), "invalid files")
