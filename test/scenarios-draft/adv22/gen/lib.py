import json, copy, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

def base_community(three_grids=True, settings=None, bills=None, extra_staff=None):
    grids = [
        {"id": "A", "name": "A区", "housekeeper": "hk1", "buildings": ["1", "2", "3"]},
        {"id": "B", "name": "B区", "housekeeper": "hk2", "buildings": ["4", "5"]},
    ]
    if three_grids:
        grids.append({"id": "C", "name": "C区", "housekeeper": "hk3", "buildings": ["6", "7"]})
    staff = [
        {"id": "hk1", "name": "李敏", "role": "housekeeper"},
        {"id": "hk2", "name": "张晨", "role": "housekeeper"},
        {"id": "sup", "name": "王强", "role": "supervisor"},
        {"id": "mgr", "name": "赵磊", "role": "manager"},
        {"id": "desk", "name": "陈静", "role": "frontdesk"},
        {"id": "fix1", "name": "钱师傅", "role": "maintenance"},
    ]
    if three_grids:
        staff.insert(2, {"id": "hk3", "name": "周燕", "role": "housekeeper"})
    if extra_staff:
        staff += extra_staff
    households = [
        {"building": "3", "unit": "2", "room": "1201", "owner": "张伟", "phone": "13912345678"},
        {"building": "3", "unit": "1", "room": "502", "owner": "刘洋", "phone": "13800001111"},
        {"building": "1", "unit": "1", "room": "101", "owner": "孙丽", "phone": "13800002222"},
        {"building": "4", "unit": "1", "room": "301", "owner": "赵敏", "phone": "13687654321"},
        {"building": "5", "unit": "2", "room": "802", "owner": "周杰", "phone": "13800003333"},
        {"building": "4", "unit": "2", "room": "1103", "owner": "吴芳", "phone": "13800004444"},
        {"building": "6", "unit": "1", "room": "201", "owner": "郑浩", "phone": "13800005555"},
        {"building": "7", "unit": "3", "room": "601", "owner": "王静", "phone": "13800006666"},
        {"building": "2", "unit": "1", "room": "903", "owner": "冯磊", "phone": "13800007777"},
        {"building": "6", "unit": "2", "room": "1502", "owner": "陈红", "phone": "13800008888"},
    ]
    residents = [
        {"person": "r1", "building": "3", "unit": "2", "room": "1201", "verified": True},
        {"person": "r2", "building": "3", "unit": "1", "room": "502", "verified": True},
        {"person": "r3", "building": "1", "unit": "1", "room": "101", "verified": True},
        {"person": "r4", "building": "4", "unit": "1", "room": "301", "verified": True},
        {"person": "r5", "building": "5", "unit": "2", "room": "802", "verified": True},
        {"person": "r6", "building": "4", "unit": "2", "room": "1103", "verified": True},
        {"person": "r9", "building": "2", "unit": "1", "room": "903", "verified": True},
    ]
    if three_grids:
        residents += [
            {"person": "r7", "building": "6", "unit": "1", "room": "201", "verified": True},
            {"person": "r8", "building": "7", "unit": "3", "room": "601", "verified": True},
        ]
    people = [
        {"id": "r1", "name": "张伟"}, {"id": "r2", "name": "刘洋"}, {"id": "r3", "name": "孙丽"},
        {"id": "r4", "name": "赵敏"}, {"id": "r5", "name": "周杰"}, {"id": "r6", "name": "吴芳"},
        {"id": "r9", "name": "冯磊"},
    ]
    if three_grids:
        people += [{"id": "r7", "name": "郑浩"}, {"id": "r8", "name": "王静"}]
    groups = [
        {"id": "g3", "topic": "3号楼业主群", "buildings": ["3"], "members": ["r1", "r2", "hk1"]},
        {"id": "g45", "topic": "4-5号楼业主群", "buildings": ["4", "5"], "members": ["r4", "r5", "r6", "hk2"]},
        {"id": "all", "topic": "祥云国际业主大群", "members": [p["id"] for p in people] + ["hk1", "hk2", "sup"]},
    ]
    return {
        "community": {
            "name": "祥云国际", "timezone": "Asia/Shanghai", "grids": grids, "staff": staff,
            "households": households, "bills": bills or [], "residents": residents,
            "groups": groups, "settings": settings or {},
        },
        "people": people,
    }

class S:
    def __init__(self, start, **kw):
        d = base_community(**kw)
        self.doc = {"community": d["community"], "people": d["people"], "start": start, "steps": []}
        self.steps = self.doc["steps"]
    def say(self, frm, text, in_=None, mention=False):
        s = {"from": frm, "text": text}
        if in_: s["in"] = in_
        if mention: s["mention"] = True
        self.steps.append({"say": s})
    def exp(self, to, match, capture=None, between=None):
        e = {"to": to, "match": match}
        if capture: e["capture"] = capture
        if between: e["between"] = between
        self.steps.append({"expect": e})
    def none(self, to, match=None, between=None):
        e = {"to": to}
        if match is not None: e["match"] = match
        if between: e["between"] = between
        self.steps.append({"expectNone": e})
    def clear(self, who):
        for w in (who if isinstance(who, list) else [who]):
            self.steps.append({"clear": w})
    def adv(self, d): self.steps.append({"advance": d})
    def at(self, t):
        if len(t) == 16: t = t + ":00+08:00"
        self.steps.append({"at": t})
    def known(self, fn):
        """a step the assistant is believed to get wrong; KNOWN=skip leaves it out to check the rest"""
        if os.environ.get("KNOWN") == "skip":
            return
        fn()
    def write(self, name):
        if os.environ.get("KNOWN") == "skip":
            name = "_skip-" + name
        p = os.path.join(OUT, name + ".json")
        with open(p, "w") as f:
            json.dump(self.doc, f, ensure_ascii=False, indent=1)
        print("wrote", p, len(self.steps), "steps")

def T(n):  # ticket ref regex for capture name
    return "#${%s}(?!\\d)" % n

def ts(s):  # "03-04 21:00" -> iso
    return "2026-%sT%s:00+08:00" % (s[:5], s[6:])

def B(a, b):
    return [ts(a), ts(b)]

def report(s, who, text, cap, hk, none_to=(), in_=None):
    s.clear(who)
    s.say(who, text, in_=in_, mention=bool(in_))
    s.exp(who, "#(\\d+)", cap)
    s.exp(hk, T(cap))
    for o in none_to:
        s.none(o, T(cap))

def AT(s, mmdd_hhmm):
    s.at("2026-%sT%s" % (mmdd_hhmm[:5], mmdd_hhmm[6:]))
