from base import *
T=r"(?!\d)"
write("adv41-transfer-and-notes.json", [
 say("res1","厨房水管漏水了"), exp("res1", r"#(\d+)", "t1"),
 say("hk1","接单 #${t1}"), exp("res1", "#${t1}"+T+".*受理"),
 clear("hk1"),
 # a typo in a colleague's name: named back, nobody gets the ticket
 say("hk1","转单 #${t1} 张陈"),
 exp("hk1", "张陈"),
 none("hk2"), none("res1"),
 # a resident's name: not a colleague
 say("hk1","转单 #${t1} 张伟"),
 exp("hk1", "张伟"),
 none("res1"),
 # to herself
 say("hk1","转单 #${t1} 李敏"),
 exp("hk1", "#${t1}"+T),
 # no name
 say("hk1","转单 #${t1}"),
 exp("hk1", "转单 ?#"),
 # the resident tries the staff command himself
 say("res1","转单 #${t1} 钱师傅"),
 exp("res1", "工作人员|物业"),
 none("fix1"),
 # a note from the other grid's housekeeper: refused, nobody hears it
 say("hk2","备注 #${t1} 我看过了"),
 exp("hk2", "#${t1}"+T),
 none("hk1", "我看过了"), none("res1"),
 # the supervisor's note is confirmed and stays internal
 say("sup","备注 #${t1} 注意安抚业主"),
 exp("sup", "#${t1}"+T),
 none("res1", "安抚"),
 # handed to maintenance: already accepted, so the technician goes on
 say("hk1","转单 #${t1} 钱师傅"),
 exp("fix1", "#${t1}"+T),
 exp("hk1", "#${t1}"+T+".*钱师傅"),
 say("fix1","接单 #${t1}"),
 exp("fix1", "#${t1}"+T),
 none("res1", "受理"),
 say("fix1","到场 #${t1}"),
 exp("res1", "#${t1}"+T),
 say("res1","进度"),
 exp("res1", "钱师傅"),
 say("fix1","完成 #${t1} 换了角阀"),
 exp("res1", "#${t1}"+T+"[\\s\\S]*换了角阀"),
 exp("hk1", "#${t1}"+T),
 # afternoon: a hand-over written the way a busy housekeeper writes it
 {"at": "2026-03-02T15:00:00+08:00"},
 say("res5","客厅灯不亮了，开关按了没反应"), exp("res5", r"#(\d+)", "t2"),
 say("hk1","接单 #${t2}"),
 clear("fix1"),
 say("hk1","转单 #${t2} 钱师傅 带个新面板，业主4点后在家"),
 exp("hk1", "#${t2}"+T),
 exp("fix1", "#${t2}"+T+"[\\s\\S]*(面板|4点)"),
])
