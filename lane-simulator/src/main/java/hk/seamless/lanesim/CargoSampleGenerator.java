package hk.seamless.lanesim;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes realistic cross-boundary road consignments: Pearl River Delta factories and Hong Kong
 * traders, about a third of the names in Chinese (three UTF-8 bytes a character, which is what
 * the stores are sized for), a quarter of the descriptions long, packaged and bulk cargo mixed.
 * Seeded, so a run can be repeated with the same cargo.
 */
final class CargoSampleGenerator {

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    /** The engine refuses descriptions longer than this many characters. */
    static final int DESCRIPTION_MAX = 1000;

    private record Party(String name, String address) {}

    private static final List<Party> MAINLAND = List.of(
            new Party("深圳市華強電子有限公司", "廣東省深圳市福田區華強北路1002號賽格廣場38樓"),
            new Party("東莞市長安鎮五金製品廠", "廣東省東莞市長安鎮振安中路168號"),
            new Party("佛山市順德區家電配件有限公司", "廣東省佛山市順德區北滘鎮工業大道22號"),
            new Party("中山市小欖鎮燈飾有限公司", "廣東省中山市小欖鎮東寧路9號"),
            new Party(
                    "Guangzhou Baiyun Garment Manufacturing Co., Ltd.",
                    "No. 88 Jichang Road, Baiyun District, Guangzhou, Guangdong, China"),
            new Party(
                    "Shenzhen Yantian Cold Chain Logistics Co., Ltd.",
                    "Block B, 3 Yantian Port Road, Yantian District, Shenzhen 518081, China"),
            new Party(
                    "Huizhou Daya Bay Petrochemical Trading Co., Ltd.",
                    "12 Shihua Avenue, Daya Bay Economic Development Zone, Huizhou, Guangdong, China"),
            new Party(
                    "Zhuhai Gree Components \"Export\" Division",
                    "6 Jinji West Road, Qianshan, Zhuhai, Guangdong, China"));

    private static final List<Party> HONG_KONG_TRADERS = List.of(
            new Party("香港九龍貿易有限公司", "香港九龍觀塘鴻圖道52號百本中心15樓"),
            new Party("天水圍食品批發有限公司", "新界天水圍天瑞路9號天耀工業大廈7樓"),
            new Party(
                    "Kwai Chung Freight Consolidators Ltd.",
                    "Unit 1203, 12/F, Kwai Chung Plaza, 7-11 Kwai Foo Road, Kwai Chung, New Territories, Hong Kong"),
            new Party(
                    "Tsuen Wan Electronics Trading Co.",
                    "Flat B, 8/F, Tsuen Wan Industrial Centre, 220-248 Texaco Road, Tsuen Wan, Hong Kong"),
            new Party(
                    "Yuen Long Fresh Produce Wholesale Ltd.",
                    "Lot 2153, DD 120, Tong Yan San Tsuen, Yuen Long, New Territories, Hong Kong"),
            new Party(
                    "Sheung Shui Cross-Boundary Logistics (HK) Ltd.",
                    "Shop 3, G/F, 28 San Fung Avenue, Sheung Shui, New Territories, Hong Kong"));

    private static final List<String> PACKAGES =
            List.of("CARTONS", "WOODEN PALLETS", "PLASTIC CRATES", "STEEL DRUMS", "BALES", "紙箱", "木卡板");

    private static final List<String> ARTICLES = List.of(
            "Lithium-ion batteries for mobile phones, UN3480, packed in fibreboard boxes",
            "Men's knitted cotton T-shirts, HS 6109.10",
            "LED lamps and lighting fittings, 220 V",
            "Stainless steel kitchen sinks with drain fittings",
            "Frozen pork bellies, kept at -18 °C",
            "Printed circuit board assemblies for split air conditioners",
            "手提電話零件",
            "棉質針織T恤（男裝）",
            "不鏽鋼廚房用品",
            "LED 燈飾及照明配件",
            "Plastic toys for children over 3 years, EN71 tested",
            "Canned luncheon meat, 340 g tins, 24 tins a carton");

    private static final List<String> BULK_BY_WEIGHT = List.of(
            "Portland cement in bulk, grey, 42.5 grade",
            "River sand for construction",
            "Crushed granite aggregate, 20 mm",
            "Scrap copper wire, bare bright",
            "散裝水泥");

    private static final List<String> BULK_BY_VOLUME =
            List.of("Refined soybean oil in a flexitank", "Liquid glucose syrup in an ISO tank", "散裝食用油");

    private final SplittableRandom random;
    private final LocalDate today;

    /** @param today the Hong Kong date the expected dates count from */
    CargoSampleGenerator(long seed, LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.today = today;
    }

    static LocalDate todayInHongKong() {
        return LocalDate.now(HONG_KONG);
    }

    CargoSample next() {
        boolean imported = random.nextBoolean();
        Party mainland = pick(MAINLAND);
        Party hongKong = pick(HONG_KONG_TRADERS);
        Party consignor = imported ? mainland : hongKong;
        Party consignee = imported ? hongKong : mainland;
        // 1 to 14 days ahead: inside the engine's 14-day lodgement window, never today, which
        // could close under a run that crosses Hong Kong midnight.
        LocalDate expected = today.plusDays(1 + random.nextInt(14));
        boolean packagedCargo = random.nextInt(10) < 7;
        return new CargoSample(
                imported ? "IMPORT" : "EXPORT",
                expected,
                consignor.name(),
                consignor.address(),
                consignee.name(),
                consignee.address(),
                packagedCargo ? packaged() : null,
                packagedCargo ? null : bulk());
    }

    private CargoSample.Packaged packaged() {
        return new CargoSample.Packaged(pick(PACKAGES), 1 + random.nextInt(2400), description(ARTICLES));
    }

    private CargoSample.Bulk bulk() {
        if (random.nextInt(4) == 0) {
            String volume = random.nextInt(10, 31) + "." + random.nextInt(1000);
            return new CargoSample.Bulk(null, volume, null, description(BULK_BY_VOLUME));
        }
        String weight = random.nextInt(5_000, 30_001) + "." + random.nextInt(10);
        String quantity = random.nextBoolean() ? "1 truckload" : null;
        return new CargoSample.Bulk(weight, null, quantity, description(BULK_BY_WEIGHT));
    }

    /** One line usually; a quarter of the time a long list, as consolidated loads are declared. */
    private String description(List<String> lines) {
        if (random.nextInt(4) != 0) {
            return pick(lines);
        }
        int target = random.nextInt(600, 950);
        StringBuilder out = new StringBuilder(target + 100);
        while (out.length() < target) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(pick(lines));
        }
        // Every character used here is one UTF-16 unit, so length is the engine's character count.
        return out.length() > DESCRIPTION_MAX ? out.substring(0, DESCRIPTION_MAX) : out.toString();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
