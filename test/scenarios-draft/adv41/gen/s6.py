from base import *
from rant import rant
T=r"(?!\d)"
gas = rant("还有，我刚才回来的时候在我们单元楼道里闻到很重的煤气味，不知道是哪家漏了。", 4900)
toolong = rant("对了，我家阳台的晾衣架坏了，摇不下来，衣服都没法晾，麻烦派人来修一下。", 6000)
rack = rant("对了，我家阳台的晾衣架坏了，摇不下来，衣服都没法晾，麻烦派人来修一下。", 4900)
assert len(gas) <= 5000 and len(rack) <= 5000 and len(toolong) > 5000, (len(gas), len(rack), len(toolong))
write("adv41-long-rants.json", [
 # a 4,900-character rant with a gas smell in the middle: acted on at once, the passage shown to staff
 say("res5", gas),
 exp("res5", r"#(\d+)", "tg"),
 exp("hk1", "#${tg}"+T+"[\\s\\S]*煤气"),
 exp("mgr", "#${tg}"+T),
 say("hk1","接单 #${tg}"),
 # a 6,000-character rant with no danger: asked to be brief, no ticket
 say("res4", toolong),
 none("hk2", "新工单"), none("mgr"),
 exp("res4", "5000|5,000|五千|简要|简短|太长"),
 # a 4,900-character rant with one real request in the middle: the housekeeper must be able to see it
 say("res1", rack),
 exp("res1", r"#(\d+)", "tr"),
 exp("hk1", "#${tr}"+T+"[\\s\\S]*晾衣架"),
])
