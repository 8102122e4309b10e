package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Districts and places, one behaviour per test. Sentences come from the seeds and the 2025
 * resolutions in {@code ../shared} (MIT); a few traps are short phrases in the same style.
 */
class DistrictExtractorTest {

  private static final DistrictExtractor EXTRACTOR = DistrictExtractor.standard();
  private static final PubDate OCT_2022 = PubDate.parseIso("2022-10-19");
  private static final PubDate JUNE_2025 = PubDate.parseIso("2025-06-16");
  private static final PubDate AUG_2025 = PubDate.parseIso("2025-08-01");

  private static List<String> values(String text, PubDate date) {
    return EXTRACTOR.extract(text, date).stream().map(District::value).toList();
  }

  @Test
  void quanNamedInPartyCommittee() {
    // seed 000: "Đảng bộ quận X"
    assertThat(
            values(
                "Sáng 19-10, Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI, nhiệm kỳ 2020-2025"
                    + " tổ chức Hội nghị lần thứ mười sáu.",
                OCT_2022))
        .containsExactly("Hà Nội/Hai Bà Trưng");
  }

  @Test
  void labelIsTheFullOfficialName() {
    assertThat(EXTRACTOR.extract("Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI", OCT_2022))
        .containsExactly(new District("Hà Nội/Hai Bà Trưng", "Quận Hai Bà Trưng"));
  }

  @Test
  void quanUyNamesTheDistrict() {
    // seed 001
    assertThat(
            values(
                "Năm 2023, Quận ủy Hoàng Mai tập trung quyết liệt trong công tác lãnh đạo",
                OCT_2022))
        .containsExactly("Hà Nội/Hoàng Mai");
  }

  @Test
  void huyenNamedInBrackets() {
    // resolution 1656/NQ-UBTVQH15, wrapped line included
    assertThat(
            values(
                "quy mô dân số của phường\n"
                    + "Thạch Bàn và các xã Phú Sơn (huyện Gia Lâm), Cổ Bi, Đa Tốn",
                JUNE_2025))
        .containsExactly("Hà Nội/Gia Lâm");
  }

  @Test
  void thiXaTypeTellsSonTayOfHaNoiFromTheHuyenOfQuangNgai() {
    assertThat(values("Thị ủy, HĐND, UBND thị xã Sơn Tây", OCT_2022))
        .containsExactly("Hà Nội/Sơn Tây");
  }

  @Test
  void huyenTypeTellsTheOtherSonTay() {
    assertThat(values("UBND huyện Sơn Tây", OCT_2022)).containsExactly("Quảng Ngãi/Sơn Tây");
  }

  @Test
  void quanHoangMaiIsHaNoiNotTheThiXaOfNgheAn() {
    assertThat(values("Đảng bộ quận Hoàng Mai", OCT_2022)).containsExactly("Hà Nội/Hoàng Mai");
  }

  @Test
  void tonePlacementDoesNotMatter() {
    // the gazetteer writes "Ứng Hòa"; old-style text writes "Ứng Hoà"
    assertThat(values("huyện Ứng Hoà", OCT_2022)).isEqualTo(values("huyện Ứng Hòa", OCT_2022));
  }

  @Test
  void decomposedTextMatches() {
    String nfd =
        Normalizer.normalize(
            "Ban Chấp hành Đảng bộ quận Nam Từ Liêm (khóa III)", Normalizer.Form.NFD);
    assertThat(values(nfd, OCT_2022)).containsExactly("Hà Nội/Nam Từ Liêm");
  }

  @Test
  void streetNamedAfterAPersonIsNoDistrict() {
    assertThat(values("trụ sở số 64 phố Hai Bà Trưng", OCT_2022)).isEmpty();
  }

  @Test
  void personIsNoDistrict() {
    assertThat(values("đồng chí Hoàng Mai phát biểu tại hội nghị", OCT_2022)).isEmpty();
  }

  @Test
  void genericQuanWithoutNameIsNoDistrict() {
    // seed 003
    assertThat(
            values(
                "Những tháng cuối năm 2022, Ban Chấp hành Đảng bộ quận tiếp tục triển khai thực"
                    + " hiện",
                OCT_2022))
        .isEmpty();
  }

  @Test
  void quanFollowedByMonthsIsNoNumberedDistrict() {
    // seed 000: "quận 9 tháng năm 2022" is the district's nine months, not HCMC's Quận 9
    assertThat(values("nhiệm vụ chính trị của Đảng bộ quận 9 tháng năm 2022 tại TP.HCM", OCT_2022))
        .isEmpty();
  }

  @Test
  void numberedDistrictKeepsTheWord() {
    // resolution 1685/NQ-UBTVQH15
    assertThat(
            values(
                "quy mô dân số của phường Tân\nĐịnh (Quận 1) và phần còn lại của phường Đa Kao,"
                    + " Thành phố Hồ Chí Minh",
                JUNE_2025))
        .contains("Hồ Chí Minh/Quận 1");
  }

  @Test
  void districtInferredFromWardsWhenNoneIsNamed() {
    // seed 003: phường Ngã Tư Sở and Nam Đồng are both in quận Đống Đa
    assertThat(
            values(
                "Trong đó, đã xử lý công trình vi phạm tại phường Ngã Tư Sở, Nam Đồng và một số"
                    + " phường.",
                PubDate.ofMonth(2022, 10)))
        .containsExactly("Hà Nội/Đống Đa");
  }

  @Test
  void wardsAcrossManyDistrictsInferNothing() {
    // a list of wards of several districts does not say which district the text is about
    assertThat(values("các phường Ngã Tư Sở, Hàng Bạc, Dịch Vọng và Phúc Xá", OCT_2022)).isEmpty();
  }

  @Test
  void ambiguousNameWithoutContextIsLeftOut() {
    // Châu Thành is a huyện of ten provinces
    assertThat(values("UBND huyện Châu Thành", OCT_2022)).isEmpty();
  }

  @Test
  void provinceWrittenAfterTheDistrictSettlesIt() {
    // resolution 1687/NQ-UBTVQH15
    assertThat(
            values(
                "của thị trấn Châu\nThành (huyện Châu Thành, tỉnh Trà Vinh) và các xã Mỹ Chánh",
                JUNE_2025))
        .containsExactly("Trà Vinh/Châu Thành");
  }

  @Test
  void thanhPhoHueIsAProvinceFrom2025() {
    // resolution 1675/NQ-UBTVQH15
    assertThat(values("Sắp xếp các đơn vị hành chính cấp xã của thành phố Huế", JUNE_2025))
        .isEmpty();
  }

  @Test
  void newWardAfterTheReformIsAPlaceNotTheOldDistrict() {
    String text = "UBND phường Hoàn Kiếm tổ chức lễ ra mắt";
    assertThat(values(text, AUG_2025)).isEmpty();
    assertThat(EXTRACTOR.places(text, AUG_2025))
        .containsExactly(new District("Hà Nội/Phường Hoàn Kiếm", "Phường Hoàn Kiếm"));
  }

  @Test
  void newWardsExposeTheirFormerDistricts() {
    assertThat(EXTRACTOR.formerDistricts("UBND phường Hoàn Kiếm", AUG_2025))
        .extracting(District::value)
        .contains("Hà Nội/Hoàn Kiếm");
  }

  @Test
  void oldWardIsAPlaceWithItsDistrict() {
    assertThat(EXTRACTOR.places("tại phường Ngã Tư Sở", OCT_2022))
        .extracting(District::value)
        .containsExactly("Hà Nội/Đống Đa/Phường Ngã Tư Sở");
  }

  @Test
  void addressAbbreviationNamesTheDistrict() {
    assertThat(values("(số 64, Bà Triệu, Q.Hai Bà Trưng, Hà Nội)", OCT_2022))
        .containsExactly("Hà Nội/Hai Bà Trưng");
  }

  @Test
  void listAfterOneUnitWordNamesEachDistrict() {
    assertThat(values("các quận Cầu Giấy, Ba Đình, Đống Đa, Hoàn Kiếm", OCT_2022))
        .containsExactly("Hà Nội/Cầu Giấy", "Hà Nội/Ba Đình", "Hà Nội/Đống Đa", "Hà Nội/Hoàn Kiếm");
  }

  @Test
  void listOfProvincesIsNoCity() {
    // Lạng Sơn and Hà Giang are also the names of their provincial cities
    assertThat(values("Bí thư Tỉnh ủy 4 tỉnh Quảng Ninh, Lạng Sơn, Hà Giang, Cao Bằng", OCT_2022))
        .isEmpty();
  }

  @Test
  void wardAddressGoesOnWithItsDistrict() {
    assertThat(values("báo Công an phường Lý Thái Tổ, Hoàn Kiếm yêu cầu", OCT_2022))
        .containsExactly("Hà Nội/Hoàn Kiếm");
  }

  @Test
  void undatedTextNamingANewCommuneWithTheNewTermIsReadAsAfterTheReform() {
    // "xã Hoằng Hóa" exists only since the 2025 reform; with the new term named, an undated text
    // is from after it and its communes are the new ones (half of the genuine posts state no date)
    String text = "Đại hội Đảng bộ xã Hoằng Hóa lần thứ I, nhiệm kỳ 2025-2030";
    assertThat(EXTRACTOR.places(text, PubDate.NONE).stream().map(District::value))
        .containsExactly("Thanh Hóa/Xã Hoằng Hóa");
    assertThat(values(text, PubDate.NONE)).isEmpty();
  }

  @Test
  void oneNewNameAloneDoesNotDateAText() {
    // the gazetteer starts in 2019: one unknown old name must not make a 2017 text a 2025 one
    assertThat(EXTRACTOR.places("tại xã Hoằng Hóa", PubDate.NONE)).isEmpty();
  }

  @Test
  void undatedTextWithOldWardsStaysOlder() {
    // seed 003: phường Ngã Tư Sở and Nam Đồng are old wards of quận Đống Đa
    assertThat(values("các phường Ngã Tư Sở, Nam Đồng đã hoàn thành", PubDate.NONE))
        .containsExactly("Hà Nội/Đống Đa");
  }

  @Test
  void newWardSharingAnOldWardsNameInItsCityIsAfterTheReform() {
    // phường Ba Đình of Hà Nội exists only since 2025 (the old one was Thanh Hóa's)
    String text = "Đảng bộ phường Ba Đình, Thủ đô Hà Nội tổ chức đại hội nhiệm kỳ 2025-2030";
    assertThat(values(text, PubDate.NONE)).isEmpty();
    assertThat(EXTRACTOR.places(text, PubDate.NONE))
        .extracting(District::value)
        .containsExactly("Hà Nội/Phường Ba Đình");
  }

  @Test
  void numberedDistrictAfterItsPartyCommittee() {
    // a district portal names its own district only by number, never the city
    assertThat(values("Quận ủy quận 11 tổ chức hội nghị sơ kết", PubDate.NONE))
        .containsExactly("Hồ Chí Minh/Quận 11");
  }

  @Test
  void numberedDistrictWhereTheSentenceGoesOnAboutIt() {
    assertThat(values("Hội nghị diễn ra tại Quận 3 với sự tham dự của đại biểu.", PubDate.NONE))
        .containsExactly("Hồ Chí Minh/Quận 3");
    assertThat(values("kết quả của quận 8 và quận 4 trong năm", PubDate.NONE))
        .containsExactly("Hồ Chí Minh/Quận 8", "Hồ Chí Minh/Quận 4");
  }

  @Test
  void weakNumberedDistrictConfirmedByItsWards() {
    // resolution 1685/NQ-UBTVQH15 names these wards of Quận 1
    assertThat(
            values(
                "các phường Tân Định, Đa Kao và Bến Nghé thuộc quận 1 phát triển mạnh", OCT_2022))
        .contains("Hồ Chí Minh/Quận 1");
  }

  @Test
  void weakNumberedDistrictWithoutSupportIsLeftOut() {
    assertThat(values("nhiệm vụ của quận 5 phát triển kinh tế", OCT_2022)).isEmpty();
  }

  @Test
  void countAfterNumberIsNoDistrictEvenWithoutTheCity() {
    // seed 000
    assertThat(values("Đảng bộ quận 9 tháng năm 2022", OCT_2022)).isEmpty();
  }

  @Test
  void personAfterATitleIsNoProvince() {
    // "Hoà Bình" here is the Chief Justice's name: it must not settle which Kỳ Sơn is meant
    // (there is one in Hòa Bình and one in Nghệ An)
    assertThat(values("Chánh án TAND tối cao Nguyễn Hoà Bình làm việc với huyện Kỳ Sơn", OCT_2022))
        .isEmpty();
    assertThat(values("làm việc với huyện Kỳ Sơn, tỉnh Hòa Bình", OCT_2022))
        .containsExactly("Hoà Bình/Kỳ Sơn");
  }

  @Test
  void personNamedLikeADistrictIsNoDistrict() {
    // a person called Hoàng Sơn Trà in a text about Đà Nẵng
    assertThat(values("ông Hoàng Sơn Trà, Đà Nẵng cho biết", OCT_2022)).isEmpty();
  }

  @Test
  void titleBeforeAnOrganStillNamesThePlace() {
    assertThat(values("Bí thư Thành ủy Quy Nhơn phát biểu", OCT_2022))
        .containsExactly("Bình Định/Quy Nhơn");
  }

  @Test
  void romanNumeralWardIsNotRead() {
    // Vị Thanh has wards named I to VII; "phường V" is too easily something else
    assertThat(EXTRACTOR.places("ngụ phường V", OCT_2022)).isEmpty();
  }

  @Test
  void wardAddressGoesOnWithItsDistrictRatherThanAWardElsewhere() {
    // "Hàm Tân" is also a commune of Trà Vinh; after thị trấn Tân Minh it is Bình Thuận's district
    assertThat(values("ngụ tại thị trấn Tân Minh, Hàm Tân, Bình Thuận", OCT_2022))
        .containsExactly("Bình Thuận/Hàm Tân");
  }

  @Test
  void wardAddressGoesOnWithTheUnitWordOfItsCity() {
    assertThat(values("trú phường Chánh Lộ, TP Quảng Ngãi, tỉnh Quảng Ngãi", OCT_2022))
        .containsExactly("Quảng Ngãi/Quảng Ngãi");
  }
}
