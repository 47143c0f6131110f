from base import *
T=r"(?!\d)"
def mod(s):
    s["community"]["households"].append({"building":"4","unit":"2","room":"502","owner":"钱芳","phone":"13600012345"})
    s["people"].append({"id":"res7","name":"钱芳"})
write("adv41-binding-progress-repeats.json", [
 # 刘洋 is new: asks for progress before anything
 say("res2","进度"),
 none("hk1"), none("desk"),
 exp("res2", ".+"),
 # binding, the ways people start it
 say("res2","绑定"),
 exp("res2", "地址|栋"),
 say("res2","绑定 99-9-9999"),
 exp("res2", "99"),
 none("res2", "成功|已绑定"),
 say("res2","绑定 3栋"),
 exp("res2", "单元"),
 say("res2","2单元1201"),
 exp("res2", "后四位|尾号|后4位"),
 say("res2","5678"),
 exp("res2", "成功|已绑定"),
 # bound, still no tickets
 say("res2","进度"),
 exp("res2", "没有"),
 none("res2", r"#\d"),
 # the same message three times within seconds: one ticket
 say("res2","卫生间马桶漏水了"),
 say("res2","卫生间马桶漏水了"),
 say("res2","卫生间马桶漏水了"),
 exp("res2", r"#(\d+)", "t1"),
 exp("res2", "#${t1}"+T),
 exp("res2", "#${t1}"+T),
 exp("hk1", "新工单 #${t1}"+T),
 none("hk1", "新工单"),
 say("res2","进度"),
 exp("res2", "#${t1}"+T),
 # 钱芳 binds; her phone ends in 2345 and she types the last five digits
 say("res7","4栋2单元502"),
 exp("res7", "后四位|尾号|后4位"),
 clear("mgr"), clear("sup"), clear("desk"), clear("hk2"),
 say("res7","12345"),
 none("mgr"), none("sup"), none("desk", "新工单"), none("hk2", "新工单"),
 exp("res7", "四位|4位|后四位|尾号"),
], mod)
