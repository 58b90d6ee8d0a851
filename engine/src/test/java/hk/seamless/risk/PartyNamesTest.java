package hk.seamless.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PartyNamesTest {

    @Test
    void punctuationCaseAndSpacingDoNotMatter() {
        assertEquals("ACME TRADING", PartyNames.canonical("Acme Trading Co., Ltd."));
        assertEquals(PartyNames.canonical("ACME TRADING CO LTD"), PartyNames.canonical("Acme Trading Co., Ltd."));
        assertEquals(PartyNames.canonical("acme   trading\tco\nltd"), PartyNames.canonical("  ACME TRADING CO LTD  "));
        assertEquals("ABC", PartyNames.canonical("A.B.C. Ltd"));
        assertEquals("OBRIEN SONS", PartyNames.canonical("O'Brien Sons"));
    }

    @Test
    void fullWidthIsHalfWidth() {
        // Full-width Latin letters, full-width comma and full stop, an ideographic space.
        assertEquals("ACME TRADING", PartyNames.canonical("\uFF21\uFF43\uFF4D\uFF45\u3000Trading Co\uFF0C Ltd\uFF0E"));
        assertEquals(PartyNames.canonical("深圳华强电子有限公司"), PartyNames.canonical("（深圳华强电子有限公司）"));
        assertEquals("深圳 华强 123", PartyNames.canonical("深圳\u3000华强　１２３"));
    }

    @Test
    void otherSpacesAndInvisibleCharactersAreHandled() {
        assertEquals("KOWLOON BAY TRADING", PartyNames.canonical("Kowloon\u00A0Bay\u2003Trading"));
        assertEquals("KOWLOON BAY", PartyNames.canonical("Kow\u200Bloon \uFEFFBay"));
    }

    @Test
    void symbolsAndLettersStayDistinct() {
        // "&" is punctuation to Unicode (Po): removed, so "Smith & Sons" is "Smith Sons"; "+" is a symbol, kept.
        assertEquals("SMITH SONS", PartyNames.canonical("Smith & Sons"));
        assertEquals("A+B", PartyNames.canonical("a+b"));
        assertNotEquals(PartyNames.canonical("Acme Trading"), PartyNames.canonical("Acme Tradings"));
    }

    @Test
    void emptyAndNull() {
        assertEquals("", PartyNames.canonical(null));
        assertEquals("", PartyNames.canonical(" ., - "));
    }

    @Test
    void companySuffixesAreIgnoredAsCustomsTargetingIgnoresThem() {
        // Issue 18: "Kwun Tong Traders" on the watch list missed "Kwun Tong Traders Ltd".
        String entry = PartyNames.canonical("Kwun Tong Traders");
        for (String lodged : new String[] {
            "Kwun Tong Traders Ltd",
            "KWUN TONG TRADERS LIMITED",
            "Kwun Tong Traders Co., Ltd.",
            "Kwun Tong Traders Co.,Ltd.",
            "kwun tong traders company limited",
            "Ｋｗｕｎ Ｔｏｎｇ Ｔｒａｄｅｒｓ Ｌｔｄ",
            "Kwun Tong Traders Inc.",
            "Kwun Tong Traders (Ltd)"
        }) {
            assertEquals(entry, PartyNames.canonical(lodged), lodged);
        }
        assertEquals(PartyNames.canonical("深圳市華強電子"), PartyNames.canonical("深圳市華強電子有限公司"));
        assertEquals(PartyNames.canonical("深圳市华强电子"), PartyNames.canonical("深圳市华强电子股份有限公司"));
        assertEquals(PartyNames.canonical("深圳市華強電子"), PartyNames.canonical("深圳市華強電子 有限責任公司"));
        // Only whole words at the end, and never the whole name.
        assertEquals("DISCO", PartyNames.canonical("Disco"));
        assertEquals("LIMITED EDITION PRINTS", PartyNames.canonical("Limited Edition Prints"));
        assertEquals("CO", PartyNames.canonical("Co."));
        assertEquals("有限公司", PartyNames.canonical("有限公司"));
        assertNotEquals(PartyNames.canonical("Acme HK Ltd"), PartyNames.canonical("Acme Ltd"));
    }
}
