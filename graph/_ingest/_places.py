"""A gazetteer of China's provinces and prefecture-level cities (general knowledge, not
taken from any one report), so that bare place names such as 天津 or 承德 are proposed.

Each name is given without its suffix (省, 市, 自治区); the extractor also accepts the
forms with the suffix.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATION_CHARS", "AUTONOMOUS", "PLACES", "abbreviates_places"]

_PROVINCES = """
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南
广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
"""

_CITIES = """
石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安
太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛
长春 四平 辽源 通化 白山 松原 白城 延边
哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽
郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施
长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西
广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山
潮州 揭阳 云浮
南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左
海口 三亚 三沙 儋州
成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
贵阳 六盘水 遵义 安顺 毕节 铜仁
昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧
拉萨 日喀则 昌都 林芝 山南 那曲
西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛
兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
西宁 海东 银川 石嘴山 吴忠 固原 中卫
乌鲁木齐 克拉玛依 吐鲁番 哈密
"""

#: Province-level and prefecture-level place names.
PLACES: frozenset[str] = frozenset((_PROVINCES + _CITIES).split())

#: The one-character short forms of provinces (京, 沪, 豫, 粤 …) and the usual classical
#: ones of some large cities (汴 开封, 蓉 成都, 穗 广州, 甬 宁波 …).
_SHORT_FORMS = (
    "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台"
    "汴蓉穗甬榕邕筑鹭宛"
)

#: Characters that stand for a place in a joint name (郑汴, 京津冀, 沪苏): the short
#: forms, and the first character of each province and city.
ABBREVIATION_CHARS: frozenset[str] = frozenset(_SHORT_FORMS) | frozenset(p[0] for p in PLACES)


def abbreviates_places(word: str) -> bool:
    """Whether ``word`` joins the short forms of two to four places (郑汴, 京津冀), the
    way zones and parks several places build are named. A gazetteer name is a place of
    its own, not a joint short form.

    >>> abbreviates_places("郑汴"), abbreviates_places("京津冀"), abbreviates_places("郑州")
    (True, True, False)
    >>> abbreviates_places("李明")
    False
    """
    return (
        2 <= len(word) <= 4
        and word not in PLACES
        and len(set(word)) == len(word)
        and all(c in ABBREVIATION_CHARS for c in word)
    )


#: The places of China's autonomous prefectures, by the name before their peoples
#: (海西蒙古族藏族自治州, 黔东南苗族侗族自治州), and the peoples autonomous areas are
#: named after.
_AUTONOMOUS_PLACES = """
延边 恩施 湘西 海西 海南 海北 黄南 果洛 玉树 甘南 临夏 阿坝 甘孜 凉山 黔东南 黔南 黔西南
楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁
"""
_PEOPLES = """
蒙古 藏 回 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 拉祜 水
东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克
俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺
"""


def _alternation(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


#: An autonomous prefecture or county written out whole (海南藏族自治州, 某某彝族自治县):
#: one place, not the province or city its first characters spell (海南).
AUTONOMOUS = re.compile(
    rf"(?:{_alternation(_AUTONOMOUS_PLACES)})(?:(?:{_alternation(_PEOPLES)})族){{1,3}}自治[州县]"
)
