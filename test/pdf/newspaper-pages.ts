/**
 * newspaper-pages: the source truth of the generated newspaper PDFs (newspaper-pdf.ts) — invented
 * news written for these tests, with where each article sits on its page. The articles of a page
 * are listed in the order a reader (and the layout analysis) goes through them.
 */
import type { TruthArticle } from './synthetic-pages.js';

/** Where an article is printed: columns of the page grid, headline size, how it is drawn. */
export interface Placement {
  /** First grid column (0-based). */
  column: number;
  /** Grid columns the article occupies (headline and body). */
  span: number;
  /** Title font size (pt). Default 22. */
  titleSize?: number;
  /** Headline alignment over the article's columns. Default 'center'. */
  align?: 'left' | 'center';
  /** Draw the title twice 0.5 pt apart (fake bold). Default true. */
  fakeBold?: boolean;
}

/** One article part on a page with its placement. */
export interface PlacedArticle extends TruthArticle {
  place: Placement;
}

/** One generated page. */
export interface NewspaperPage {
  date: string;
  weekday: string;
  page: number;
  /** Section name printed after `第X版`. */
  section: string;
  /** Grid columns of the page. */
  columns: number;
  /** Page height (pt). Default 860. */
  height?: number;
  /** `line`: one text call per line, letter-spaced to justify; `glyph`: every glyph placed on its own. */
  glyphMode: 'line' | 'glyph';
  articles: PlacedArticle[];
}

const PROJECTS = '一季度重大项目开工提速';
const TRADE = '外贸企业订单持续回暖';

/** Five pages of one issue; article A jumps from page 1 to 2, article G from page 3 to 4. */
export const NEWSPAPER_PAGES: readonly NewspaperPage[] = [
  {
    date: '2022年3月8日',
    weekday: '星期二',
    page: 1,
    section: '要闻',
    columns: 3,
    glyphMode: 'line',
    articles: [
      {
        place: { column: 0, span: 3, titleSize: 24 },
        kicker: '稳字当头 进中求进',
        title: PROJECTS,
        subtitle: '多地集中签约一批先进制造业项目',
        byline: '本报记者 王清源 赵一鸣',
        paragraphs: [
          '开春以来，各地抢抓施工黄金期，一批交通、水利、能源和先进制造业重大项目集中开工，全国新开工项目计划总投资同比增长１２．６％，项目储备明显充实。',
          '在中部某省的集中开工现场，挖掘机来回穿梭，塔吊次第升起。当地发展改革部门负责人介绍，今年一季度全省共有３８６个项目集中开工，其中先进制造业项目占比超过四成。',
          '“项目早开工一天，就能早一天形成实物工作量。”一位施工企业负责人说，企业已提前备足钢材、水泥等主要建材，确保工期不受原材料价格波动影响。',
          '专家指出，适度超前开展基础设施投资，有利于扩大有效需求，但要坚持资金跟着项目走，防止出现新的隐性债务风险。',
        ],
        continuesTo: 2,
      },
      {
        place: { column: 0, span: 2, titleSize: 18 },
        title: '新能源汽车下乡活动启动',
        byline: '□ 陈思远',
        paragraphs: [
          '新一轮新能源汽车下乡活动日前启动，共有３０多个品牌的１００余款车型参加，覆盖多个省份的县城和乡镇，多家车企还推出了购车补贴和充电优惠。',
          '业内人士表示，农村地区充电设施不断完善，Faraday Future等新势力也在研究针对县域市场的车型，新能源汽车在农村市场的渗透率有望继续提高。',
        ],
        source: '经济日报',
      },
      {
        place: { column: 2, span: 1, titleSize: 14, align: 'left' },
        title: '跨境人民币结算量增长',
        byline: '本报记者 刘晓岚',
        paragraphs: [
          '记者从有关部门获悉，今年前两个月跨境人民币结算量同比增长２１％，货物贸易项下结算占比继续提高。',
          '不少外贸企业表示，使用人民币结算可以规避汇率风险，降低财务成本。',
        ],
      },
    ],
  },
  {
    date: '2022年3月8日',
    weekday: '星期二',
    page: 2,
    section: '综合',
    columns: 3,
    glyphMode: 'line',
    articles: [
      {
        place: { column: 0, span: 3, titleSize: 22 },
        title: '数据要素市场建设加快推进',
        byline: '本报记者 孙若曦',
        paragraphs: [
          '多地近期发布数据要素市场化配置改革方案，探索建立数据产权登记、流通交易和收益分配制度，公共数据授权运营试点有序开展。',
          '交易规模：某数据交易所负责人介绍，今年以来挂牌数据产品超过８００个，涉及金融、交通、气象等多个领域，场内交易规模明显扩大。',
          '受访专家认为，要在保障数据安全和个人信息权益的前提下，推动数据资源依法有序流动，让数据真正成为新的生产要素。',
        ],
        boldLeads: [1],
      },
      {
        place: { column: 0, span: 2, titleSize: 16 },
        title: PROJECTS,
        paragraphs: [
          '从各地情况看，今年的项目建设呈现出三个特点：一是新型基础设施项目明显增多，二是民间投资参与度提高，三是项目前期工作更加扎实。',
          '下一步，有关部门将加强用地、用能和资金等要素保障，推动更多项目尽快形成实物工作量，为稳定宏观经济大盘提供有力支撑。',
        ],
        continuedFrom: 1,
      },
      {
        place: { column: 2, span: 1, titleSize: 16, align: 'left' },
        title: '春耕备耕有序开展',
        paragraphs: [
          '眼下，南方地区早稻育秧陆续展开，北方冬小麦进入返青期。农业农村部门组织技术人员深入田间地头，指导农民科学施肥、防治病虫害。',
          '各地农资供应总体充足，化肥价格涨势有所趋缓。',
        ],
      },
    ],
  },
  {
    date: '2022年3月9日',
    weekday: '星期三',
    page: 3,
    section: '金融',
    columns: 2,
    glyphMode: 'glyph',
    articles: [
      {
        place: { column: 0, span: 2, titleSize: 22 },
        kicker: '服务实体经济',
        title: '绿色金融助力低碳转型',
        byline: '本报记者 程佳宁',
        paragraphs: [
          '核心数据：截至去年末，本外币绿色贷款余额同比增长３３％，高于各项贷款增速２１个百分点，其中投向清洁能源产业的贷款增长最快。',
          '多家银行表示，将继续完善绿色信贷标准和ESG环境信息披露，参照Climate Bonds Initiative等国际标准，探索碳排放权、排污权等环境权益抵质押融资，引导更多资金流向节能降碳领域。',
          '业内人士提醒，发展绿色金融要防止“洗绿”行为，金融机构应加强对项目实际减排效果的跟踪评估。',
        ],
        boldLeads: [0],
      },
      {
        place: { column: 0, span: 2, titleSize: 18 },
        title: TRADE,
        byline: '本报通讯员 何思琪',
        paragraphs: [
          '在东南沿海的一家家电企业，生产线正满负荷运转，一批发往中东和拉美的订单即将装箱。企业负责人说，一季度订单同比增长近三成，新兴市场贡献了大部分增量。',
          '海运价格回落、集装箱周转加快，也让外贸企业松了一口气。多家货代公司反映，主要航线的订舱难问题已明显缓解。',
        ],
        continuesTo: 4,
      },
    ],
  },
  {
    date: '2022年3月9日',
    weekday: '星期三',
    page: 4,
    section: '经济',
    columns: 3,
    glyphMode: 'line',
    articles: [
      {
        place: { column: 0, span: 2, titleSize: 20 },
        title: '消费市场加速回暖',
        byline: '本报记者 周一帆',
        paragraphs: [
          '商务部门监测显示，近期重点零售企业销售额同比增长８．５％，餐饮、文旅等接触型消费恢复明显，新能源汽车、智能家电等升级类商品销售较快增长。',
          '各地还通过发放消费券、举办促消费活动等方式，进一步释放居民消费潜力。',
        ],
      },
      {
        place: { column: 0, span: 2, titleSize: 16 },
        title: '',
        paragraphs: [
          '商务部门表示，将加强对中小外贸企业的服务，帮助企业用好区域全面经济伙伴关系协定的优惠关税，拓展多元化市场。',
          '专家预计，全年外贸有望保持平稳增长，但仍需关注外部需求放缓带来的不确定性。',
        ],
        continuedFrom: 3,
      },
      {
        place: { column: 2, span: 1, titleSize: 18, align: 'left' },
        title: '沿海港口集装箱吞吐量保持较快增长',
        paragraphs: [
          '交通运输部门数据显示，前两个月沿海主要港口集装箱吞吐量同比增长７．５％，外贸航线运力充足，港口作业效率持续提升。',
        ],
      },
    ],
  },
  {
    date: '2022年3月10日',
    weekday: '星期四',
    page: 5,
    section: '民生',
    columns: 3,
    glyphMode: 'line',
    articles: [
      {
        place: { column: 0, span: 3, titleSize: 20, align: 'left' },
        title: '稳岗扩就业',
        byline: '本报记者 马雪晴',
        paragraphs: [
          '人力资源社会保障部门近日部署开展春季招聘专项行动，计划举办线上线下招聘会１万场以上，重点服务高校毕业生、农民工和就业困难人员。',
          '一些地方对吸纳高校毕业生就业的中小微企业给予一次性扩岗补助，并延续实施阶段性降低失业保险费率政策，减轻企业用工成本。',
          '专家表示，稳就业的关键在于稳市场主体，要通过减税降费、纾困帮扶等措施，帮助企业稳定岗位、扩大招聘。',
        ],
      },
      {
        place: { column: 0, span: 2, titleSize: 18 },
        title: '智能网联汽车测试道路再延长',
        byline: '本报记者 谢文博',
        paragraphs: [
          '政策要点：多个城市新开放一批智能网联汽车测试道路，累计开放里程突破３０００公里，测试场景覆盖城市道路、高速公路和停车场等。',
          '参与测试的企业包括传统车企、互联网公司和自动驾驶初创企业，部分企业已在特定区域开展Robotaxi示范运营。',
        ],
        boldLeads: [0],
        source: '新华社',
      },
      {
        place: { column: 2, span: 1, titleSize: 16, align: 'left' },
        kicker: '关注“菜篮子”',
        title: '蔬菜价格季节性回落',
        subtitle: '主要品种供应充足',
        paragraphs: [
          '随着气温回升，露地蔬菜陆续上市，近期全国蔬菜批发均价连续三周下降。',
          '农业农村部门表示，将继续加强产销衔接，保障市场供应和价格基本稳定。',
        ],
      },
    ],
  },
];

/** Titles of the whole articles of the issue (continuations joined to their first part). */
export const NEWSPAPER_ARTICLE_TITLES: readonly string[] = NEWSPAPER_PAGES.flatMap((p) =>
  p.articles.filter((a) => a.continuedFrom === undefined).map((a) => a.title),
);

export { TRADE as TRADE_TITLE };
