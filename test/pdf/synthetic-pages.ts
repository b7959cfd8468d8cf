/**
 * Synthetic newspaper pages for the PDF-text accuracy harness: the source truth, written for
 * these tests (invented news, no real report), with the layout each page is rendered in.
 */

/** One article as the editor wrote it. */
export interface TruthArticle {
  kicker?: string;
  title: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
  /** Indices of paragraphs whose lead-in (up to the first `：`) is printed fake-bold. */
  boldLeads?: number[];
  source?: string;
  /** Pages (numbers) this part continues to / from. */
  continuesTo?: number;
  continuedFrom?: number;
}

/** One printed page: its header and the article parts on it, in reading order. */
export interface TruthPage {
  date: string;
  weekday: string;
  page: number;
  /** Column width in CJK cells. */
  width: number;
  /** Paragraph indentation is printed (and survives extraction). */
  indent: boolean;
  /** Index of the article whose headline block the extractor emits last, after all body text. */
  headlineLast?: number;
  articles: TruthArticle[];
}

const A_TITLE = '制造业投资稳步回升';

/** The pages, in document order. Article A starts on page 1 and continues on page 2. */
export const SYNTHETIC_PAGES: readonly TruthPage[] = [
  {
    date: '2022年1月5日',
    weekday: '星期三',
    page: 1,
    width: 22,
    indent: true,
    articles: [
      {
        kicker: '聚焦实体经济',
        title: A_TITLE,
        subtitle: '前三季度工业经济运行综述',
        byline: '本报记者 周远航 林雨桐',
        paragraphs: [
          '今年以来，各地围绕稳增长持续发力，一批重大项目加快落地，制造业投资增速连续多月保持在两位数，高技术制造业投资增长尤为明显。',
          '记者在东部沿海多个工业园区走访看到，新建厂房陆续封顶，智能产线正在调试，不少企业的订单已经排到了明年二季度。',
        ],
        continuesTo: 2,
      },
      {
        title: '新能源整车出口再创新高',
        byline: '□ 许明哲',
        paragraphs: [
          '海关数据显示，1至11月新能源整车出口量同比增长1.2倍，其中对欧洲出口增长19%、对东南亚出口增长43%，Faraday Future等海外品牌也在加快本地化布局。',
          '业内人士分析，随着电池成本回落和海外充电网络完善，出口结构将进一步向中高端车型倾斜。',
        ],
        source: '经济日报',
      },
    ],
  },
  {
    date: '2022年1月5日',
    weekday: '星期三',
    page: 2,
    width: 24,
    indent: true,
    articles: [
      {
        title: A_TITLE,
        paragraphs: [
          '专家认为，后续政策仍有发力空间，应继续加大对设备更新和技术改造的支持力度，引导更多中长期贷款投向制造业。',
          '“明年的关键是稳预期。”一位地方发改部门负责人表示，将继续优化营商环境，让企业敢投资、愿投资。',
        ],
        continuedFrom: 1,
      },
      {
        title: '数字人民币试点场景持续扩容',
        subtitle: '覆盖交通出行和政务缴费',
        byline: '本报记者 韩思源',
        paragraphs: [
          '记者从相关部门获悉，数字人民币试点已扩展至更多城市，累计开立个人钱包超过２．６亿个，交易金额稳步增长。',
          '在某试点城市，市民乘坐地铁、缴纳水电费都可以使用数字人民币，“碰一碰”即可完成支付，老年人也能很快学会。',
          '分析人士指出，下一步应在保护个人信息的前提下，推动更多线下商户接入受理环境。',
        ],
        boldLeads: [],
      },
    ],
  },
  {
    date: '2022年1月6日',
    weekday: '星期四',
    page: 3,
    width: 20,
    indent: true,
    headlineLast: 0,
    articles: [
      {
        title: '绿色债券发行规模扩大',
        byline: '本报记者 程佳宁',
        paragraphs: [
          '今年以来，绿色债券发行规模明显扩大，募集资金主要投向清洁能源、节能环保和绿色交通等领域。',
          '多家机构预计，随着相关标准逐步统一，绿色金融产品将更加丰富，投资者参与度也会继续提高。',
        ],
      },
      {
        title: '小微企业融资成本继续下行',
        byline: '本报记者 丁若溪',
        paragraphs: [
          '核心数据：新发放普惠小微企业贷款平均利率较年初下降0.3个百分点，贷款户数同比增加两成以上。',
          '银行业人士表示，将继续运用大数据手段提升风控能力，让更多首贷户获得信用贷款。',
        ],
        boldLeads: [0],
      },
    ],
  },
  {
    date: '2022年1月6日',
    weekday: '星期四',
    page: 4,
    width: 18,
    indent: false,
    articles: [
      {
        title: '冬季蔬菜供应充足',
        paragraphs: ['据农业部门监测，主要蔬菜批发价格总体平稳，北方设施蔬菜陆续上市，市场供应充足。'],
      },
      {
        title: '跨境电商综试区再添新成员',
        paragraphs: ['近日，又有一批城市获批设立跨境电子商务综合试验区，将重点培育海外仓和独立站。'],
      },
      {
        title: '港口集装箱吞吐量保持增长',
        paragraphs: ['交通运输部门数据显示，沿海主要港口集装箱吞吐量同比增长7.5%，外贸航线运力充足。'],
      },
    ],
  },
  {
    date: '2022年1月7日',
    weekday: '星期五',
    page: 5,
    width: 16,
    indent: false,
    articles: [
      {
        title: '多地出台措施稳定外贸',
        byline: '本报记者 孟书瑶',
        paragraphs: [
          '近期，多个省份密集出台稳外贸措施，涉及出口信用保险、跨境结算便利化和国际物流保障等方面。',
          '一些外贸企业反映，海运价格有所回落，集装箱周转更加顺畅，交货周期明显缩短。',
          '商务部门表示，将加强对中小外贸企业的服务，帮助企业用好区域贸易协定的优惠关税。',
        ],
      },
      {
        kicker: '提振消费',
        title: '节前市场商品丰富',
        paragraphs: [
          '春节临近，各地商超备货充足，年货品类丰富，线上平台推出多项优惠活动。',
          '业内预计，节日消费将延续回暖态势。',
        ],
      },
    ],
  },
];
