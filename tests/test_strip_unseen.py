"""The strip stage on layouts of genres it was first tried on late (notices, shops, recipes, forums,
Q&A, fiction, weather tables, poems): the article's own lists, tables and sub-heads are kept, and the
furniture of those genres goes. Every page here is written for these tests."""

from __future__ import annotations

from strip_pages import kept, page, removed

from cleantext import strip_rules as rules
from cleantext.strip import strip

TITLE = "城南社区开展冬季消防安全检查"
BYLINE = "2023-12-05 来源：城南街道办"
P1 = "为切实做好冬季消防安全工作，城南社区近日组织工作人员对辖区内的商铺和居民楼开展了全面检查。"
P2 = "检查中，工作人员重点查看了灭火器配备、疏散通道和电线线路等情况，发现隐患当场督促整改。"



# --- the article's own list after its last paragraph -----------------------------------------------


def test_fields_and_signature_after_the_body_are_kept():
    own = ["附件：1.检查记录表", "2.整改通知书", "城南社区居委会", "2023年12月4日"]
    article = strip(
        page(TITLE, BYLINE, P1, P2, *own, "相关新闻", "城北社区举办迎新年联欢会", "社区志愿者走访慰问老人")
    )
    assert kept(article.text) == [TITLE, BYLINE, P1, P2, *own]
    assert removed(article) == ["相关新闻", "城北社区举办迎新年联欢会", "社区志愿者走访慰问老人"]


def test_lead_in_with_a_colon_keeps_its_list():
    own = ["检查结果如下：", "合格商铺：42家", "限期整改：6家"]
    assert kept(strip(page(TITLE, P1, P2, *own)).text) == [TITLE, P1, P2, *own]


def test_sub_head_over_fields_is_kept():
    own = ["费用明细", "灭火器：1200元", "应急灯：800元", "宣传材料：300元"]
    assert kept(strip(page(TITLE, P1, P2, *own)).text) == [TITLE, P1, P2, *own]


def test_single_field_at_the_end_is_kept_and_the_block_after_it_goes():
    article = strip(
        page(TITLE, P1, P2, "活动地点：城南社区文化广场", "大家还在看", "夜市美食地图", "周末去哪儿")
    )
    assert kept(article.text) == [TITLE, P1, P2, "活动地点：城南社区文化广场"]


def test_unknown_block_title_over_headlines_still_goes():
    article = strip(page(TITLE, P1, P2, "大家还在看", "夜市美食地图", "周末去哪儿", "春季赏花指南"))
    assert kept(article.text) == [TITLE, P1, P2]
    assert removed(article, "related-block") == ["大家还在看", "夜市美食地图", "周末去哪儿", "春季赏花指南"]


def test_label_over_short_link_words_is_not_a_field():
    article = strip(page(TITLE, P1, P2, "热门城市：北京 上海 广州 深圳", "热门景区：故宫 外滩 西湖 黄山"))
    assert kept(article.text) == [TITLE, P1, P2]


def test_worked_solution_is_not_a_related_list():
    own = ["解：120÷40=3（小时）", "答：3小时到达。", "三、检验答案", "把答案代入原题，看看是否正确。"]
    body = [TITLE, P1, "例：两地相距120千米，汽车每小时行40千米，几小时到达？", *own]
    article = strip(page(*body, "下载文档到电脑，查找使用更方便"))
    assert kept(article.text) == body


def test_short_questions_after_a_button_are_still_a_related_list():
    tail = ["查看更多", "冬天怎样预防火灾？", "灭火器怎么用？", "电动车能在楼道充电吗？"]
    article = strip(page(TITLE, P1, P2, *tail))
    assert kept(article.text) == [TITLE, P1, P2]


# --- lines before the body -------------------------------------------------------------------------


def test_rows_of_a_table_before_the_body_are_kept():
    rows = ["今天 小雨 3~8℃ 东风2级", "明天 多云 2~9℃ 北风3级"]
    body = ["城南天气预报", "2024-02-05 11:00 更新", *rows, "穿衣指数：冷。建议穿棉衣、羽绒服等冬装。"]
    assert kept(strip(page(*body)).text) == body


def test_unrelated_widget_line_before_the_body_still_goes():
    article = strip(page(TITLE, BYLINE, "收录于合集 #人物 12个", P1, P2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_poet_with_dynasty_in_brackets_is_kept():
    poem = ["春晓", "孟浩然〔唐代〕", "春眠不觉晓，处处闻啼鸟。", "夜来风雨声，花落知多少。"]
    assert kept(strip(page(*poem)).text) == poem


def test_unrelated_short_line_with_a_bracket_at_the_end_still_goes():
    article = strip(page(TITLE, BYLINE, "扫码收听音频版〔新〕", P1, P2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


# --- titles ----------------------------------------------------------------------------------------


def test_chapter_heading_is_the_title_of_a_fiction_page():
    body = ["雨下了整整一夜，她推开窗，潮湿的风涌了进来。", "“你真的要走？”身后的人问。"]
    article = strip(
        page(
            "书香阁_免费小说阅读网",
            "上一章 ← 章节目录 → 下一章",
            "第十二章 夜雨",
            *body,
            "上一章 ← 章节目录 → 下一章",
        )
    )
    assert article.title == "第十二章 夜雨"
    assert kept(article.text) == ["第十二章 夜雨", *body]


def test_page_title_copy_with_the_site_name_is_not_the_title():
    article = strip(page("城南社区开展冬季消防安全检查_城南文库", TITLE, P1, P2))
    assert article.title == TITLE
    assert kept(article.text) == [TITLE, P1, P2]


def test_title_with_an_underscore_of_its_own_is_kept():
    title = "南京市_(民国)"
    article = strip(page(title, BYLINE, P1, P2))
    assert article.title == title


def test_question_under_a_site_name_and_slogan_is_the_title():
    question = "冬天电动车能在楼道充电吗？"
    answer = "不能。电动车电池在充电时可能起火，楼道是疏散通道，一旦起火后果严重，请到集中充电点充电。"
    article = strip(page("邻里问答 - 有问题就有答案", question, answer))
    assert article.title == question
    assert kept(article.text) == [question, answer]


def test_question_under_a_title_about_it_keeps_the_title():
    title = "电动车充电 - 城南社区提醒"
    question = "电动车能在楼道充电吗？"
    answer = "不能。电动车电池在充电时可能起火，楼道是疏散通道，一旦起火后果严重，请到集中充电点充电。"
    article = strip(page(title, question, answer))
    assert article.title == title


def test_spaced_product_title_is_not_a_keyword_header():
    title = "青禾 IH电饭煲 4L家用 多功能"
    body = "采用电磁加热技术，锅体整体受热，米饭颗粒饱满、软硬适中，内胆不粘易清洗。"
    article = strip(page(title, body))
    assert article.title == title


def test_six_spaced_keywords_are_still_a_keyword_header():
    article = strip(page("免费电影 在线观看 高清视频 最新电影 国产精品 日韩一区", TITLE, BYLINE, P1, P2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


# --- forum threads ---------------------------------------------------------------------------------


def test_post_stamps_between_posts_are_dropped():
    posts = [
        "入冬以后鱼的活性下降明显，很多朋友说冬天钓不到鱼，其实是方法没对。",
        "第一，找水深。第二，饵要慢。",
        "学习了，上周末去水库空军，原来是水深没找对。",
    ]
    article = strip(
        page(
            "冬季水库钓鱼的几点心得",
            "楼主",
            "江边老张",
            "发表于 2023-12-18 20:41",
            posts[0],
            posts[1],
            "#2楼",
            "发表于 2023-12-18 21:03",
            posts[2],
        )
    )
    assert article.title == "冬季水库钓鱼的几点心得"
    assert "发表于 2023-12-18 21:03" in removed(article, "forum-profile")
    assert "#2楼" in removed(article, "forum-profile")
    assert all(p in kept(article.text) for p in posts)


def test_a_floor_count_in_a_sentence_is_not_a_post_stamp():
    body = [TITLE, P1, "这栋楼共有18楼，消防通道必须保持畅通。", P2]
    assert kept(strip(page(*body)).text) == body


# --- disclaimers and site credits ------------------------------------------------------------------


def test_sub_head_with_a_legal_word_does_not_cut_the_body():
    body = [
        "网络小说改编影视剧，版权纠纷如何避免",
        "近年来，网络小说改编影视剧的热潮持续升温，随之而来的版权纠纷也越来越多。",
        "免责条款不是万能的",
        "很多平台在用户协议中写明不承担任何责任，但法院并不一定认可这类条款的效力。",
    ]
    assert kept(strip(page(*body)).text) == body


def test_site_credit_ends_the_body():
    article = strip(
        page(TITLE, P1, P2, "本文由城南在线原创，转载请注明出处。", "评论区", "还没有评论，快来抢沙发吧！")
    )
    assert kept(article.text) == [TITLE, P1, P2]


def test_sentence_about_original_works_is_kept():
    body = [TITLE, P1, "本文作者认为，原创作品的转载应当取得授权。", P2]
    assert kept(strip(page(*body)).text) == body


# --- new furniture words ---------------------------------------------------------------------------


def test_fold_out_and_font_size_buttons_are_dropped():
    article = strip(page(TITLE, BYLINE, "字級設定：小 中 大", P1, P2, "展开全文", "加入书签"))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_a_site_line_over_no_body_at_all_does_not_fail():
    assert strip("问答之家 - 有问题就有答案").text == "问答之家 - 有问题就有答案\n"
    assert strip("好").text == "好\n"


# --- credits and contact lines without the usual shape -----------------------------------------------


def test_reporter_credit_without_a_colon_is_the_byline():
    credit = "记者陈怡君／台北报导"
    article = strip(page(TITLE, credit, P1, P2))
    assert (article.title, article.byline, kept(article.text)) == (TITLE, credit, [TITLE, credit, P1, P2])
    for line in ("本报记者 张三 李四", "综合报道", "新华社北京电"):
        assert rules.byline_like(rules.make_line(1, line)), line
    for line in ("记者节前夕", "多家媒体争相报道", "他在报道"):  # a name is not told from a word
        assert not rules.byline_like(rules.make_line(1, line)), line


def test_footer_contact_lines_without_a_digit_go_and_an_article_sentence_stays():
    footer = ["投稿邮箱：tougao@example.com", "官方微博：@城南街道", "QQ群：123456789", "承办：城南网"]
    mail = "居民如发现消防隐患，可发送邮件至 xiaofang@example.com 反映。"
    article = strip(page(TITLE, BYLINE, P1, mail, P2, *footer))
    assert kept(article.text) == [TITLE, BYLINE, P1, mail, P2]
    assert removed(article) == footer


def test_a_site_statement_that_articles_only_speak_for_their_authors_is_a_disclaimer():
    article = strip(page(TITLE, P1, P2, "本站所有文章仅代表作者观点。"))
    assert kept(article.text) == [TITLE, P1, P2]
    assert removed(article, "disclaimer") == ["本站所有文章仅代表作者观点。"]


# --- second round: job, shop, Q&A, forum, wiki, finance, company pages ------------------------------


def test_section_sub_head_before_the_first_paragraph_is_kept_and_a_button_still_goes():
    body = ["城南社区冬季消防演练", "活动简介", P1, P2]
    assert kept(strip(page(*body)).text) == body
    article = strip(page(TITLE, BYLINE, "点击了解详情", P1, P2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_facts_row_is_kept_and_a_menu_of_words_still_goes():
    facts = "北京 | 3-5年 | 本科"
    body = ["高级消防工程师", facts, "岗位职责：", P1, P2]
    assert kept(strip(page(*body)).text) == body
    assert rules.facts_row(["3室2厅", "89㎡", "南北", "精装"])
    for menu in (["北京", "上海", "广州"], ["2023年", "2022年", "2021年"], ["上一页", "2", "下一页"]):
        assert not rules.facts_row(menu), menu
    article = strip(page("北京 | 上海 | 广州 | 深圳", TITLE, BYLINE, P1, P2))
    assert kept(article.text) == [TITLE, BYLINE, P1, P2]


def test_forum_words_between_posts_go_with_the_poster_name():
    posts = [
        "入冬以后鱼的活性下降明显，很多朋友说冬天钓不到鱼，其实是方法没对。",
        "学习了，上周末去水库空军，原来是水深没找对。",
        "慢收太关键了，我一般数到五再动，停顿要比夏天长。",
    ]
    article = strip(
        page(
            "冬季水库钓鱼的几点心得",
            "发表于 2023-12-18 20:41",
            posts[0],
            "回复 使用道具 举报",
            "沙发",
            "钓不到鱼的小王",
            "发表于 2023-12-18 21:03",
            posts[1],
            "回复 支持 反对",
            "板凳",
            "发表于 2023-12-19 08:15",
            posts[2],
        )
    )
    assert [p for p in kept(article.text) if p in posts] == posts
    gone = removed(article, "forum-profile")
    for line in ("回复 使用道具 举报", "沙发", "钓不到鱼的小王", "回复 支持 反对", "板凳"):
        assert line in gone, line


def test_forum_word_as_a_sub_head_without_a_post_stamp_is_kept():
    body = [
        "客厅家具怎么选",
        "客厅是家里使用最多的空间，家具的选择直接影响居住的舒适度。",
        "沙发",
        "沙发的尺寸要和客厅面积相配，一般三人位沙发长度在两米左右比较合适。",
        "回复 引用",  # not a post: no stamp next to it, a hard label needs forum context only off the body
    ]
    article = strip(page(*body[:4]))
    assert kept(article.text) == body[:4]


def test_question_title_over_asker_and_answer_labels():
    question = "煮饺子的时候为什么要加三次凉水？"
    answer = ["加凉水是为了让饺子皮和馅一起熟。水开后皮受热快，馅受热慢，一直大火煮，皮破了馅还没熟。",
              "点一次凉水，水温降下来，皮就不会煮烂，馅有时间慢慢熟透。"]
    article = strip(page("问答之家 - 有问题就有答案", question, "我来答", "提问者采纳", *answer))
    assert article.title == question
    assert kept(article.text) == [question, *answer]
    assert set(removed(article)) >= {"我来答", "提问者采纳"}


def test_question_followed_by_its_answer_stays_in_the_body():
    body = [TITLE, P1, "为什么冬天更容易发生火灾？", "冬季取暖用电用火增多，室内空气干燥，一旦起火蔓延很快。"]
    assert kept(strip(page(*body)).text) == body


def test_answer_words_in_a_sentence_are_kept():
    line = rules.read_line(1, "最佳答案往往不是第一个回答")
    assert line.hard is None


def test_contents_repeated_as_sub_heads_go_and_a_list_under_contents_stays():
    lead = "青铜器是以青铜为基本原料加工而制成的器皿、用器等，是人类文明史上的重要发明。"
    history = "中国的青铜时代约从公元前2000年开始，经历了夏、商、西周和春秋战国时期。"
    kinds = "按用途可分为礼器、乐器、兵器、工具和生活用具等，各有其形制。"
    article = strip(page("青铜器", lead, "目录", "1 历史", "2 分类", "历史", history, "分类", kinds))
    assert kept(article.text) == ["青铜器", lead, "历史", history, "分类", kinds]
    assert removed(article, "contents") == ["目录", "1 历史", "2 分类"]
    own = ["青铜器", lead, "目录", "1 鼎", "2 簋", history, kinds]  # not repeated: the article's list
    assert kept(strip(page(*own)).text) == own


def test_page_revision_stamp_goes_and_a_law_revision_sentence_stays():
    stamp = "本页面最后修订于2023年11月2日 (星期四) 08:15。"
    article = strip(page(TITLE, P1, P2, stamp, "隐私政策 关于本站"))
    assert kept(article.text) == [TITLE, P1, P2]
    law = "该条例最后修订于2019年3月1日。"
    assert rules.read_line(1, law).hard is None
    assert kept(strip(page(TITLE, P1, law, P2)).text) == [TITLE, P1, law, P2]


def test_investment_and_health_notices_are_disclaimers():
    for notice in (
        "风险提示：本文所涉及的内容仅供参考，不构成投资建议。据此操作，风险自担。",
        "以上内容仅作健康科普，不能替代医生面诊，具体请遵医嘱。",
        "未经作者授权，禁止转载",
    ):
        article = strip(page(TITLE, P1, P2, notice))
        assert kept(article.text) == [TITLE, P1, P2], notice
    for sentence in (
        "专家给出的投资建议是分散配置，不要把鸡蛋放在一个篮子里。",
        "新材料可以替代钢铁，用在桥梁的次要构件上。",
        "以上内容仅代表作者个人观点。",  # an opinion note is not a reading-risk notice
    ):
        assert kept(strip(page(TITLE, P1, P2, sentence)).text)[-1] == sentence, sentence


def test_calls_to_action_after_the_body_go_and_a_slogan_stays():
    for prompt in ("关注公众号，查询更多裁判文书", "预览时标签不可点", "觉得有用就收藏起来吧"):
        assert kept(strip(page(TITLE, P1, P2, prompt)).text) == [TITLE, P1, P2], prompt
    slogan = "关注民生，服务百姓"
    assert kept(strip(page(TITLE, P1, P2, slogan)).text) == [TITLE, P1, P2, slogan]


def test_bracketed_link_row_after_the_body_goes():
    article = strip(page(TITLE, P1, P2, "【比分直播】【积分榜】【射手榜】"))
    assert kept(article.text) == [TITLE, P1, P2]
    assert rules.bracket_buttons(rules.make_line(1, "【释义】比喻死守狭隘经验")) is None


def test_company_contact_block_under_its_own_heading_is_kept():
    own = ["联系方式：", "电话：0571-88886666", "邮箱：info@example.com"]
    article = strip(page(TITLE, P1, P2, *own, "上一篇：城北社区举办联欢会", "Copyright © 2023 城南网"))
    assert kept(article.text) == [TITLE, P1, P2, *own]
    press = ["媒体联系", "联系人：王女士", "电话：021-66778899"]
    assert kept(strip(page(TITLE, P1, P2, *press)).text) == [TITLE, P1, P2, *press]


def test_site_contact_lines_after_a_menu_word_go():
    footer = ["联系我们", "电话：010-12345678", "地址：北京市东城区某街1号"]
    article = strip(page(TITLE, P1, P2, *footer))
    assert kept(article.text) == [TITLE, P1, P2]


def test_a_rating_line_is_not_the_title():
    title = "一部关于等待的电影"
    review = [
        "看完这部电影，我在影院里坐了很久，海浪声成了最重要的台词。",
        "推荐给所有愿意把时间交给电影的人。",
    ]
    article = strip(page("豆瓣电影", title, "南风 评论 《海边的小镇》 ★★★★☆", "2023-07-15 22:08", *review))
    assert article.title == title


def test_end_mark_goes_and_a_line_with_the_word_stays():
    article = strip(page(TITLE, P1, P2, "- END -", "长按识别二维码关注", "往期推荐", "城北社区举办联欢会"))
    assert kept(article.text) == [TITLE, P1, P2]
    assert rules.read_line(1, "THE END OF AN ERA").hard is None
    signed = [TITLE, P1, P2, "审判员 王某", "二〇二二年十月二十日", "书记员 赵某"]
    assert kept(strip(page(*signed, "关注公众号，查询更多裁判文书")).text) == signed


def test_friend_links_and_the_search_cloud_go_and_a_sentence_about_them_stays():
    footer = ["友情链接：新浪网 搜狐网 网易 腾讯网", "热门搜索：消防、安全、社区、检查"]
    about = "友情链接是网站之间互相推荐的一种方式，社区网站也有。"
    article = strip(page(TITLE, BYLINE, P1, about, P2, *footer))
    assert kept(article.text) == [TITLE, BYLINE, P1, about, P2]
    assert removed(article, "related-block") == footer
