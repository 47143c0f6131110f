import json, sys, copy
BASE = {
 "community": {
  "name": "祥云国际", "timezone": "Asia/Shanghai",
  "grids": [
   {"id": "A", "name": "A区", "housekeeper": "hk1", "buildings": ["1","2","3"]},
   {"id": "B", "name": "B区", "housekeeper": "hk2", "buildings": ["4","5"]}],
  "staff": [
   {"id": "hk1", "name": "李敏", "role": "housekeeper"},
   {"id": "hk2", "name": "张晨", "role": "housekeeper"},
   {"id": "sup", "name": "王强", "role": "supervisor"},
   {"id": "mgr", "name": "赵磊", "role": "manager"},
   {"id": "desk", "name": "陈静", "role": "frontdesk"},
   {"id": "fix1", "name": "钱师傅", "role": "maintenance"}],
  "households": [
   {"building": "3", "unit": "2", "room": "1201", "owner": "张伟", "phone": "13912345678"},
   {"building": "4", "unit": "1", "room": "301", "owner": "赵敏", "phone": "13687654321"},
   {"building": "2", "unit": "1", "room": "602", "owner": "李敏", "phone": "13755556666"},
   {"building": "5", "unit": "3", "room": "801", "owner": "孙丽", "phone": "13800001111"},
   {"building": "1", "unit": "1", "room": "101", "owner": "周杰", "phone": "13622223333"}],
  "bills": [],
  "residents": [
   {"person": "res1", "building": "3", "unit": "2", "room": "1201", "verified": True},
   {"person": "res4", "building": "5", "unit": "3", "room": "801", "verified": True},
   {"person": "res5", "building": "1", "unit": "1", "room": "101", "verified": True}],
  "groups": [{"id": "g3", "topic": "3号楼业主群", "buildings": ["3"], "members": ["res1","res2","hk1"]}],
  "settings": {}
 },
 "people": [
  {"id": "res1", "name": "张伟"}, {"id": "res2", "name": "刘洋"}, {"id": "res3", "name": "赵敏"},
  {"id": "res4", "name": "孙丽"}, {"id": "res5", "name": "周杰"}],
 "start": "2026-03-02T10:00:00+08:00",
 "steps": []
}
def say(f, t, **kw):
    d = {"from": f, "text": t}; d.update(kw); return {"say": d}
def exp(to, m, cap=None, **kw):
    d = {"to": to, "match": m}
    if cap: d["capture"] = cap
    d.update(kw); return {"expect": d}
def none(to, m=None, **kw):
    d = {"to": to}
    if m is not None: d["match"] = m
    d.update(kw); return {"expectNone": d}
def clear(x): return {"clear": x}
def adv(x): return {"advance": x}
def write(name, steps, mod=None):
    s = copy.deepcopy(BASE)
    if mod: mod(s)
    s["steps"] = steps
    with open(name, "w") as f: json.dump(s, f, ensure_ascii=False, indent=1)
def add_res6(s):
    s["community"]["households"].append({"building":"3","unit":"2","room":"1101","owner":"吴芳","phone":"13566667777"})
    s["community"]["residents"].append({"person":"res6","building":"3","unit":"2","room":"1101","verified":True})
    s["people"].append({"id":"res6","name":"吴芳"})
    s["community"]["groups"][0]["members"].append("res6")
