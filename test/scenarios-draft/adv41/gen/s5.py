from base import *
T=r"(?!\d)"
def mod(s): add_res6(s)
write("adv41-odd-messages.json", [
 # nothing at all, blanks, emoji only: an answer, never a ticket
 say("res1",""),
 none("hk1"), exp("res1", ".+"),
 say("res1","   "),
 none("hk1"), exp("res1", ".+"),
 say("res1","😡😡😡"),
 none("hk1"), none("sup"), exp("res1", ".+"),
 say("res1","🙏"),
 none("hk1"), exp("res1", ".+"),
 # English, Cantonese, traditional characters: each a ticket for the right housekeeper
 say("res4","Hi, the kitchen sink in my flat is leaking, water all over the floor. Can someone come?"),
 exp("res4", r"#(\d+)", "te"), exp("hk2", "#${te}"+T), none("hk1"),
 say("res5","我屋企個廁所塞咗，沖唔到水，唔該派人嚟睇下"),
 exp("res5", r"#(\d+)", "tc"), exp("hk1", "#${tc}"+T),
 say("res6","廚房水龍頭一直滴水，關不緊，麻煩派師傅來看看"),
 exp("res6", r"#(\d+)", "tt"), exp("hk1", "#${tt}"+T),
 none("hk2"),
 # 张伟 reports a leak, then sends the photo of it
 say("res1","厨房水管漏水了"),
 exp("res1", r"#(\d+)", "t1"), exp("hk1", "#${t1}"+T),
 say("res1","[图片]"),
 none("hk1", "新工单"),
 exp("res1", "图片|照片|#${t1}"+T),
], mod)
