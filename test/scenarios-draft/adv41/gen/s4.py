from base import *
T=r"(?!\d)"
def mod(s):
    s["community"]["households"].append({"building":"2","unit":"2","room":"301","owner":"张晨","phone":"13244445555"})
write("adv41-housekeeper-at-home.json", [
 # 李敏, housekeeper of grid A, lives in 2栋1单元602 (her own grid)
 say("hk1","2栋1单元602"),
 exp("hk1", "后四位|尾号|后4位"),
 say("hk1","6666"),
 exp("hk1", "成功|已绑定"),
 say("hk1","我家卫生间水管漏水了"),
 exp("hk1", r"登记[^\n]*#(\d+)", "t1"),
 exp("hk1", "新工单 #${t1}"+T),
 none("hk2"),
 # a mistyped command stays a command error, not a second report
 say("hk1","完城 #${t1} 修好了"),
 exp("hk1", "帮助|指令"),
 none("hk1", "新工单|登记"), none("sup"),
 say("hk1","进度"),
 exp("hk1", "#${t1}"+T),
 say("hk1","我的工单"),
 exp("hk1", "#${t1}"+T),
 say("hk1","接单 #${t1}"),
 say("hk1","完成 #${t1} 换了密封圈"),
 exp("hk1", "#${t1}"+T+"[\\s\\S]*换了密封圈"),
 clear("hk1"),
 # 张晨, housekeeper of grid B, lives in 2栋2单元301 (grid A): her home is 李敏's job
 say("hk2","2-2-301"),
 exp("hk2", "后四位|尾号|后4位"),
 say("hk2","5555"),
 exp("hk2", "成功|已绑定"),
 say("hk2","厨房下水道堵了"),
 exp("hk2", r"#(\d+)", "t2"),
 exp("hk1", "新工单 #${t2}"+T),
 none("hk2", "新工单"),
 say("hk2","接丹 #${t2}"),
 exp("hk2", "帮助|指令"),
 none("hk1"),
 say("hk2","进度"),
 exp("hk2", "#${t2}"+T),
 say("hk1","接单 #${t2}"),
 exp("hk2", "#${t2}"+T+".*李敏"),
 # at work: 张晨 on her round finds someone trapped in a lift of her grid
 {"at": "2026-03-02T11:00:00+08:00"},
 clear("mgr"), clear("hk2"),
 say("hk2","5栋2单元电梯困人了，里面有个老人，按铃没人应"),
 none("hk2", "没有看懂"),
 exp("hk2", r"#(\d+)", "t3"),
 exp("mgr", "5栋[\\s\\S]*困"),
 say("hk2","接单 #${t3}"),
 # the front desk takes a phone call about the same kind of emergency
 {"at": "2026-03-02T14:00:00+08:00"},
 clear("mgr"), clear("desk"),
 say("desk","刚接到电话：4栋1单元电梯困人了，里面是个孕妇"),
 none("desk", "没有看懂"),
 exp("desk", ".+"),
 adv("5m"),
 exp("mgr", "4栋[\\s\\S]*困"),
], mod)
