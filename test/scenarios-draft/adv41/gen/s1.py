from base import *
T=r"(?!\d)"
write("adv41-staff-sloppy-commands.json", [
 # Monday morning: three reports, two in 李敏's grid A, one in 张晨's grid B
 say("res1","厨房水管漏水了"), exp("res1", r"#(\d+)", "t1"),
 say("res5","客厅灯不亮了"), exp("res5", r"#(\d+)", "t2"),
 say("res4","卫生间地漏堵了，水排不下去"), exp("res4", r"#(\d+)", "t3"),
 clear("hk1"), clear("hk2"),
 # full-width hash, no space
 say("hk1","接单＃${t1}"),
 exp("res1", "#${t1}"+T+".*受理"),
 exp("hk1", "#${t1}"+T),
 # full-width hash followed by a space
 say("hk1","到场 ＃ ${t1}"),
 exp("res1", "#${t1}"+T),
 exp("hk1", "#${t1}"+T),
 none("hk1", "没有找到|格式|没有看懂"),
 # a number that does not exist: named back, nobody else touched
 say("hk1","接单 #999"),
 exp("hk1", "999"),
 none("res1"), none("res5"),
 # no number at all: the format
 say("hk1","接单"),
 exp("hk1", "接单 ?#"),
 # a typo in the command word: a command error, never a new ticket
 say("hk1","借单 #${t2}"),
 exp("hk1", "帮助|指令"),
 none("hk1", "新工单"), none("sup"), none("res5"),
 # completing without saying what was done: asked for it, ticket stays open
 say("hk1","完成 #${t1}"),
 exp("hk1", "完成 ?#"),
 none("res1"),
 # English colon instead of a space
 say("hk1","完成:${t1} 换了软管"),
 exp("res1", "#${t1}"+T+"[\\s\\S]*换了软管"),
 exp("hk1", "#${t1}"+T),
 # another grid's ticket: refused, its resident hears nothing
 say("hk1","完成 #${t3} 已疏通"),
 exp("hk1", "#${t3}"+T),
 none("res4"), none("hk2", "#${t3}"+T+"[\\s\\S]*(完成|疏通)"),
 # the closed ticket again: refused, the resident is not told twice
 say("hk1","完成 #${t1} 又检查了一遍"),
 exp("hk1", "#${t1}"+T),
 say("hk1","接单 ${t1}"),
 exp("hk1", "#${t1}"+T),
 none("res1"),
 # 张伟 reports something else in the afternoon
 {"at": "2026-03-02T14:00:00+08:00"},
 say("res1","阳台的灯也不亮了"), exp("res1", r"#(\d+)", "t4"),
 clear("hk1"), clear("res5"),
 # two tickets in one line: both accepted, or the second one named in the answer
 say("hk1","接单 #${t2} #${t4}"),
 exp("res5", "#${t2}"+T+".*受理"),
 exp("hk1", "#${t4}"+T),
])
