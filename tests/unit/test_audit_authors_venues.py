"""Pins the authors, venues, dates, methods and subcategories checked against each paper's own pages in
the curation round of issue "Who wrote it and where it appeared" (sources in each entry's `authors_source`
and notes). A change to any of them must come from a source again, and update this file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from catalog.load import load_catalog
from catalog.models import Catalog

DATA = Path(__file__).parents[2] / "data"

# id -> (number of authors, first author, last author), as read on the sources.
AUTHORS = {
    "acc-collab": (4, 'Andrew Estornell', 'Yang Liu'),
    "adatooler-v": (11, 'Chaoyang Wang', 'Xiangyu Yue'),
    "aepo": (14, 'Guanting Dong', 'Zhicheng Dou'),
    "affordbot": (6, 'Xinyi Wang', 'Na Zhao'),
    "agent-rrm": (10, 'Kaixuan Fan', 'Xiangyu Yue'),
    "agent4debate": (6, 'Yiqun Zhang', 'Kaisong Song'),
    "agentic-reasoning": (3, 'Junde Wu', 'Yuyuan Liu'),
    "agentnet": (7, 'Yingxuan Yang', 'Weinan Zhang'),
    "agents": (18, 'Wangchunshu Zhou', 'Mrinmaya Sachan'),
    "agentscope": (19, 'Dawei Gao', 'Jingren Zhou'),
    "agentverse": (16, 'Weize Chen', 'Jie Zhou'),
    "agilethinker": (5, 'Yule Wen', 'Hao Zhu'),
    "aguvis": (9, 'Yiheng Xu', 'Caiming Xiong'),
    "aidsafe": (9, 'Tharindu Kumarage', 'Charith Peris'),
    "argus": (9, 'Yunze Man', 'Zhiding Yu'),
    "arpo": (14, 'Guanting Dong', 'Zhicheng Dou'),
    "artist": (4, 'Joykirat Singh', 'Akshay Nambi'),
    "automathcritique": (24, 'Zhiheng Xi', 'Yu-Gang Jiang'),
    "automind": (12, 'Yixin Ou', 'Ningyu Zhang'),
    "autorefine": (8, 'Yaorui Shi', 'Xiang Wang'),
    "awm": (4, 'Zora Zhiruo Wang', 'Graham Neubig'),
    "bagel": (12, 'Chaorui Deng', 'Haoqi Fan'),
    "behavior-priming": (3, 'Jiahe Jin', 'Chenyan Xiong'),
    "chatdev": (14, 'Chen Qian', 'Maosong Sun'),
    "co-learning": (12, 'Chen Qian', 'Maosong Sun'),
    "codeplot-cot": (13, 'Chengqi Duan', 'Xihui Liu'),
    "cof": (11, 'Xintong Zhang', 'Qing Li'),
    "coinmath": (5, 'Chengwei Wei', 'Nancy F. Chen'),
    "comfymind": (8, 'Litao Guo', 'Ying-Cong Chen'),
    "comfyui-r1": (8, 'Zhenran Xu', 'Min Zhang'),
    "controlthinker": (6, 'Feng Han', 'Yu-Gang Jiang'),
    "corex": (6, 'Qiushi Sun', 'Lingpeng Kong'),
    "cort": (11, 'Chengpeng Li', 'Dayiheng Liu'),
    "cot-vla": (15, 'Qingqing Zhao', 'Donglai Xiang'),
    "croto": (12, 'Zhuoyun Du', 'Lei Han'),
    "ctm": (12, 'Kechi Zhang', 'Zhi Jin'),
    "deep-research": (1, 'OpenAI', 'OpenAI'),
    "deepagent": (11, 'Xiaoxi Li', 'Zhicheng Dou'),
    "deepeyes": (8, 'Ziwei Zheng', 'Xing Yu'),
    "deepresearcher": (7, 'Yuxiang Zheng', 'Pengfei Liu'),
    "deepseek-r1": (19, 'DeepSeek-AI', 'Ziyi Gao'),
    "draco": (12, 'Dongzhi Jiang', 'Hongsheng Li'),
    "droidbot-gpt": (4, 'Hao Wen', 'Yuanchun Li'),
    "dwt": (6, 'Zhiqing Cui', 'Zhenglong Ding'),
    "evolvesearch": (11, 'Ding-Chu Zhang', 'Fei Huang'),
    "explorer": (8, 'Vardaan Pahuja', 'Ahmed Awadallah'),
    "gca": (9, 'Zeren Chen', 'Lu Sheng'),
    "gcagent": (6, 'Jeong Hun Yeo', 'Yong Man Ro'),
    "gen-searcher": (10, 'Kaituo Feng', 'Xiangyu Yue'),
    "gigpo": (4, 'Lang Feng', 'Bo An'),
    "got": (12, 'Rongyao Fang', 'Hongsheng Li'),
    "got-r1": (8, 'Chengqi Duan', 'Xihui Liu'),
    "grit": (9, 'Yue Fan', 'Xin Eric Wang'),
    "ground-r1": (6, 'Meng Cao', 'Xiaodan Liang'),
    "group-think": (7, 'Chan-Jan Hsu', 'Da-shan Shiu'),
    "groupdebate": (8, 'Tongxuan Liu', 'Jing Li'),
    "gui-r1": (7, 'Run Luo', 'Xiaobo Xia'),
    "gui-reflection": (6, 'Penghao Wu', 'Ziwei Liu'),
    "haris": (3, 'Qisheng Hu', 'Wenya Wang'),
    "if-mad-is-the-answer": (8, 'Hangfan Zhang', 'Shuyue Hu'),
    "infigui-r1": (8, 'Yuhang Liu', 'Fei Wu'),
    "inforage": (2, 'Hongjin Qian', 'Zheng Liu'),
    "irg": (18, 'Wenxuan Huang', 'Shaohui Lin'),
    "kimi-k1-5": (94, 'Kimi Team', 'Zonghan Yang'),
    "knowcoder-v2": (16, 'Zixuan Li', 'Xueqi Cheng'),
    "machinesom": (6, 'Jintian Zhang', 'Shumin Deng'),
    "macnet": (12, 'Chen Qian', 'Maosong Sun'),
    "mad": (9, 'Tian Liang', 'Zhaopeng Tu'),
    "manusearch": (7, 'Lisheng Huang', 'Wayne Xin Zhao'),
    "mathcoder": (10, 'Ke Wang', 'Hongsheng Li'),
    "mathcoder-vl": (11, 'Ke Wang', 'Hongsheng Li'),
    "mathcoder2": (8, 'Zimu Lu', 'Hongsheng Li'),
    "metagpt": (15, 'Sirui Hong', 'Jürgen Schmidhuber'),
    "mindomni": (10, 'Yicheng Xiao', 'Ying Shan'),
    "mure": (12, 'Zhentao Zou', 'Xinghao Chen'),
    "mvot": (8, 'Chengzu Li', 'Furu Wei'),
    "nav-r1": (4, 'Qingxiang Liu', 'Hao Tang'),
    "o2-searcher": (14, 'Jianbiao Mei', 'Yu Qiao'),
    "openai-o1": (1, 'OpenAI', 'OpenAI'),
    "openai-o3": (1, 'OpenAI', 'OpenAI'),
    "opensearch-vl": (10, 'Shuang Chen', 'Tianyu Pang'),
    "openthinkimg": (11, 'Zhaochen Su', 'Yu Cheng'),
    "owl": (16, 'Mengkang Hu', 'Guohao Li'),
    "pangu-deepdiver": (9, 'Wenxuan Shi', 'Lifeng Shang'),
    "perception-to-cognition": (22, 'Chenyue Zhou', 'Yike Guo'),
    "pixel-reasoner": (5, 'Alex Su', 'Wenhu Chen'),
    "qvq-max": (1, 'Qwen Team', 'Qwen Team'),
    "r-search": (5, 'Qingfei Zhao', 'Limin Liu'),
    "r1-searcher": (8, 'Huatong Song', 'Ji-Rong Wen'),
    "r1-searcher-plus-plus": (10, 'Huatong Song', 'Ji-Rong Wen'),
    "r3-rag": (10, 'Yuan Li', 'Xipeng Qiu'),
    "react": (7, 'Shunyu Yao', 'Yuan Cao'),
    "reagent": (10, 'Xinjie Zhao', 'Irene Li'),
    "reagent-v": (8, 'Yiyang Zhou', 'Huaxiu Yao'),
    "reasoning-search": (2, 'Wentao Shi', 'Yiqing Shen'),
    "reex-sql": (9, 'Yaxun Dai', 'Wenhao Jiang'),
    "refocus": (9, 'Xingyu Fu', 'Cha Zhang'),
    "research": (13, 'Mingyang Chen', 'Weipeng Chen'),
    "retool": (9, 'Jiazhan Feng', 'Wanjun Zhong'),
    "retrorag": (7, 'Liang Xiao', 'Tianyu Guo'),
    "s2-mad": (8, 'Yuting Zeng', 'Xiaohua Xu'),
    "search-o1": (8, 'Xiaoxi Li', 'Zhicheng Dou'),
    "search-r1": (8, 'Bowen Jin', 'Jiawei Han'),
    "search-r1-empirical": (5, 'Bowen Jin', 'Jiawei Han'),
    "should-we-be-going-mad": (5, 'Andries Petrus Smit', 'Arnu Pretorius'),
    "siam": (6, 'Dian Yu', 'Dong Yu'),
    "simpledeepsearcher": (13, 'Shuang Sun', 'Ji-Rong Wen'),
    "simura": (4, 'Mingkai Deng', 'Eric Xing'),
    "sketchpad": (8, 'Yushi Hu', 'Ranjay Krishna'),
    "smartagent": (5, 'Jiaqi Zhang', 'Hongzhi Yin'),
    "society-of-minds": (5, 'Yilun Du', 'Igor Mordatch'),
    "spacetools": (9, 'Siyi Chen', 'Jonathan Tremblay'),
    "sql-r1": (6, 'Peixian Ma', 'Jian Guo'),
    "t2i-r1": (9, 'Dongzhi Jiang', 'Hongsheng Li'),
    "thinking-with-video": (14, 'Jingqi Tong', 'Xipeng Qiu'),
    "tongui": (10, 'Bofei Zhang', 'Qing Li'),
    "tool-light": (3, 'Yifei Chen', 'Zhicheng Dou'),
    "tool-n1": (9, 'Shaokun Zhang', 'Guilin Liu'),
    "tool-star": (10, 'Guanting Dong', 'Ji-Rong Wen'),
    "toolrl": (8, 'Cheng Qian', 'Heng Ji'),
    "toolscope": (3, 'Mengjie Deng', 'Zhicheng Dou'),
    "tora": (8, 'Zhibin Gou', 'Weizhu Chen'),
    "torl": (3, 'Xuefeng Li', 'Pengfei Liu'),
    "tti": (11, 'Junhong Shen', 'Aviral Kumar'),
    "twgi-anole": (8, 'Ethan Chern', 'Pengfei Liu'),
    "ufo2": (21, 'Chaoyun Zhang', 'Dongmei Zhang'),
    "ui-tars": (35, 'Yujia Qin', 'Guang Shi'),
    "uni-cot": (10, 'Luozheng Qin', 'Hao Li'),
    "unify-agent": (19, 'Shuang Chen', 'Nanyun Peng'),
    "unigen": (8, 'Rui Tian', 'Afshin Dehghan'),
    "v-star": (2, 'Penghao Wu', 'Saining Xie'),
    "v-thinker": (13, 'Runqi Qiao', 'Honggang Zhang'),
    "v-triune": (10, 'Yan Ma', 'Junjie Yan'),
    "v1": (6, 'Jiwan Chung', 'Youngjae Yu'),
    "vat": (7, 'Dairu Liu', 'Yang Liu'),
    "vgr": (11, 'Jiacong Wang', 'Jun Xiao'),
    "video-com": (6, 'Hanoona Rasheed', 'Salman Khan'),
    "videochat-a1": (7, 'Zikang Wang', 'Yali Wang'),
    "vigorl": (7, 'Gabriel Sarch', 'Katerina Fragkiadaki'),
    "vilasr": (8, 'Junfei Wu', 'Tieniu Tan'),
    "vision-r1": (10, 'Wenxuan Huang', 'Shaohui Lin'),
    "visprog": (2, 'Tanmay Gupta', 'Aniruddha Kembhavi'),
    "visual-arft": (9, 'Ziyu Liu', 'Jiaqi Wang'),
    "visual-cot": (8, 'Hao Shao', 'Hongsheng Li'),
    "visual-thoughts": (11, 'Zihui Cheng', 'Libo Qin'),
    "vlm-r3": (9, 'Chaoya Jiang', 'Shikun Zhang'),
    "vpd": (8, 'Yushi Hu', 'Ariel Fuxman'),
    "vr-bench": (11, 'Cheng Yang', 'Chenglin Wu'),
    "vtool-r1": (9, 'Mingyuan Wu', 'Klara Nahrstedt'),
    "webagent-r1": (12, 'Zhepei Wei', 'Lihong Li'),
    "webgpt": (18, 'Reiichiro Nakano', 'John Schulman'),
    "webthinker": (8, 'Xiaoxi Li', 'Zhicheng Dou'),
    "zerogui": (14, 'Chenyu Yang', 'Jifeng Dai'),
    "zerosearch": (10, 'Hao Sun', 'Jingren Zhou'),
    "zochi": (1, 'Intology', 'Intology'),
}
# Whole lists checked a second time against the arXiv abstract page or the proceedings.
FULL_LISTS = {
    "aidsafe": ["Tharindu Kumarage", "Ninareh Mehrabi", "Anil Ramakrishna", "Xinyan Zhao", "Richard Zemel",
                "Kai-Wei Chang", "Aram Galstyan", "Rahul Gupta", "Charith Peris"],
    "deepeyes": ["Ziwei Zheng", "Michael Yang", "Jack Hong", "Chenxiao Zhao", "Guohai Xu", "Le Yang", "Chao Shen",
                 "Xing Yu"],
    "ctm": ["Kechi Zhang", "Ge Li", "Jia Li", "Huangzhao Zhang", "Jingjing Xu", "Hao Zhu", "Lecheng Wang", "Jia Li",
            "Yihong Dong", "Jing Mai", "Bin Gu", "Zhi Jin"],
}
ORGANISATIONS = {"openai-o1": ["OpenAI"], "openai-o3": ["OpenAI"], "deep-research": ["OpenAI"], "zochi": ["Intology"],
                 "qvq-max": ["Qwen Team"], "deepseek-r1": ["DeepSeek-AI"], "kimi-k1-5": ["Kimi Team"]}
PARTIAL = {"deepseek-r1"}  # the source shows only the first names of a list of about 200
VENUES_ADDED = {"agentnet": "NeurIPS 2025", "agilethinker": "ICLR 2026", "aidsafe": "Findings of ACL 2025", "gca": "CVPR 2026", "got-r1": "ICLR 2026", "machinesom": "ACL 2024", "reagent-v": "NeurIPS 2025", "reex-sql": "ACL 2026", "search-r1": "COLM 2025", "should-we-be-going-mad": "ICML 2024", "spacetools": "CVPR 2026", "sql-r1": "NeurIPS 2025", "toolrl": "NeurIPS 2025", "uni-cot": "ICLR 2026", "video-com": "CVPR 2026", "videochat-a1": "AAAI 2026", "webthinker": "NeurIPS 2025"}
DATES_FROM_V1 = {"acc-collab": "2024-10", "corex": "2023-09", "tool-n1": "2025-04", "artist": "2025-04"}
METHODS_ADDED = {"owl": "rl", "pangu-deepdiver": "sft", "webgpt": "sft", "cort": "sft", "tool-star": "sft",
                 "webagent-r1": "sft", "infigui-r1": "sft", "refocus": "prompt", "gui-reflection": "pretrain"}
SUBCATEGORIES = {"torl": "code", "awm": "ui", "agentic-reasoning": "complex-acting"}
# Every entry this round changed or found something to say about (its notes say what and why).
NOTED_THIS_ROUND = (set(VENUES_ADDED) | set(DATES_FROM_V1) | set(METHODS_ADDED) | set(SUBCATEGORIES)
                    | {"ctm", "pangu-deepdiver", "tongui", "got-r1", "got", "tti", "if-mad-is-the-answer",
                       "should-we-be-going-mad", "agentverse", "pixel-reasoner", "v1", "mvot", "uni-cot", "coinmath"})


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(DATA)


def paper(catalog: Catalog, paper_id: str):
    return catalog.paper(paper_id) or next(p for p in catalog.standard_examples if p.id == paper_id)


def test_every_paper_and_example_is_pinned(catalog: Catalog) -> None:
    """Each entry of the catalog has its author list pinned here, and nothing pinned has gone."""
    assert {p.id for p in (*catalog.papers, *catalog.standard_examples)} == set(AUTHORS)


@pytest.mark.parametrize("paper_id", sorted(AUTHORS))
def test_author_list_is_the_one_read(catalog: Catalog, paper_id: str) -> None:
    """Length, first and last name as the source lists them, and where the list was read."""
    found = paper(catalog, paper_id)
    assert (len(found.authors), found.authors[0].name, found.authors[-1].name) == AUTHORS[paper_id]
    assert found.authors_source


@pytest.mark.parametrize("paper_id", sorted(FULL_LISTS))
def test_whole_list_checked_twice(catalog: Catalog, paper_id: str) -> None:
    assert [a.name for a in paper(catalog, paper_id).authors] == FULL_LISTS[paper_id]


def test_organisations_and_partial_lists(catalog: Catalog) -> None:
    """Reports without personal authors name their organisation, marked so that no format splits it; only
    DeepSeek-R1's list is partial."""
    organisations = {p.id: [a.name for a in p.authors if a.organisation]
                     for p in (*catalog.papers, *catalog.standard_examples) if any(a.organisation for a in p.authors)}
    assert organisations == ORGANISATIONS
    assert {p.id for p in (*catalog.papers, *catalog.standard_examples) if not p.authors_complete} == PARTIAL


def test_ctm_has_two_authors_named_jia_li(catalog: Catalog) -> None:
    assert catalog.paper("ctm").shared_author_names == ("Jia Li",)


@pytest.mark.parametrize("paper_id", sorted(VENUES_ADDED))
def test_added_venue_with_its_source(catalog: Catalog, paper_id: str) -> None:
    found = catalog.paper(paper_id)
    assert found.venue.name == VENUES_ADDED[paper_id]
    assert any(note.startswith(f"Added venue {found.venue.name} (") for note in found.notes)


@pytest.mark.parametrize("paper_id", sorted(DATES_FROM_V1))
def test_date_is_the_month_of_arxiv_v1(catalog: Catalog, paper_id: str) -> None:
    """Submitted in a month's last days, announced (and numbered) in the next."""
    found = catalog.paper(paper_id)
    assert found.date == DATES_FROM_V1[paper_id] != f"20{found.arxiv[:2]}-{found.arxiv[2:4]}"
    assert any("the month of arXiv v1" in note for note in found.notes)


@pytest.mark.parametrize("paper_id", sorted(METHODS_ADDED))
def test_method_found_in_the_abstract(catalog: Catalog, paper_id: str) -> None:
    found = catalog.paper(paper_id)
    assert METHODS_ADDED[paper_id] in found.methods
    assert any(note.startswith(f"Methods: added {METHODS_ADDED[paper_id]};") for note in found.notes)


@pytest.mark.parametrize("paper_id", sorted(SUBCATEGORIES))
def test_subcategory_follows_the_abstract(catalog: Catalog, paper_id: str) -> None:
    found = catalog.paper(paper_id)
    assert found.subcategory == SUBCATEGORIES[paper_id]
    assert any(note.startswith("Moved from the ") for note in found.notes)


def test_every_venue_has_a_full_name_and_kind(catalog: Catalog) -> None:
    """Every venue a paper names is one of data/venues.yaml, with its proceedings and kind."""
    assert all(p.venue.full_name and p.venue.kind in ("conference", "journal", "workshop")
               for p in catalog.papers if p.venue)
    assert sum(1 for p in catalog.papers if p.venue) == 69
