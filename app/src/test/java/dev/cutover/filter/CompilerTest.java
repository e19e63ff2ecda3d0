package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompilerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            // names
            "arp.opcod == 1              => 0  => 9  => \"arp.opcod\" is neither a field nor a protocol name. Did you mean arp.opcode?",
            "arpp                        => 0  => 4  => \"arpp\" is neither a field nor a protocol name. Did you mean arp?",
            "vlan and vlna.id == 1       => 9  => 7  => \"vlna.id\" is neither a field nor a protocol name. Did you mean vlan.id?",
            "xyzzy                       => 0  => 5  => \"xyzzy\" is neither a field nor a protocol name.",
            "\"abc\"                     => 0  => 5  => \"abc\" is neither a field nor a protocol name.",
            "1 == arp.opcode             => 0  => 1  => \"1\" is neither a field nor a protocol name.",
            "eth.srcc[0:3] == 00:50:56   => 0  => 8  => \"eth.srcc\" is neither a field nor a protocol name. Did you mean eth.src?",
            // literals of the wrong type
            "vlan.id == ff:ff            => 11 => 5  => \"ff:ff\" is not a valid unsigned integer for vlan.id (unsigned integer, 2 bytes).",
            "frame.len > -1              => 12 => 2  => \"-1\" is not a valid unsigned integer for frame.len (unsigned integer, 4 bytes).",
            "arp.opcode == \"nosuch\"    => 14 => 8  => \"nosuch\" is not a valid unsigned integer or value name for arp.opcode (unsigned integer, 2 bytes).",
            "arp.hw.size == 300          => 15 => 3  => \"300\" is too big for arp.hw.size (unsigned integer, 1 byte): the maximum is 255.",
            "vlan.id in {1, 0x10000}     => 15 => 7  => \"0x10000\" is too big for vlan.id (unsigned integer, 2 bytes): the maximum is 65535.",
            "arp.isgratuitous == yes     => 20 => 3  => \"yes\" is not a valid boolean for arp.isgratuitous (boolean).",
            // MAC literals: tshark 4.0's messages and carets (its lexer takes colon-separated bytes two digits at a time)
            "eth.src == 78:31:c1:c6:3f   => 11 => 14 => \"78:31:c1:c6:3f\" contains too few bytes to be a valid Ethernet address.",
            "eth.src == 00:50:56:9d:b0:51:00 => 11 => 20 => \"00:50:56:9d:b0:51:00\" contains too many bytes to be a valid Ethernet address.",
            "eth.src == 0050.569d.b0     => 11 => 12 => \"0050.569d.b0\" contains too few bytes to be a valid Ethernet address.",
            "eth.addr == 1.2.3.4         => 12 => 7  => \"1.2.3.4\" contains too few bytes to be a valid Ethernet address.",
            "eth.src == 00:50:56:9d:b0:5 => 25 => 2  => \":5\" was unexpected in this context.",
            "eth.src == 00:50:56:9d:b0:5G => 25 => 2 => \":5\" was unexpected in this context.",
            "eth.src == 0:50:56:9d:b0:51 => 12 => 15 => \":50:56:9d:b0:51\" was unexpected in this context.",
            "eth.src == 00:50:56:9d:b0:051 => 28 => 1 => \"1\" was unexpected in this context.",
            "eth.src == aa:bb:cc:dd:ee:ff: => 28 => 1 => \":\" was unexpected in this context.",
            "eth.src == 00:50:56:9d:b0:5 || arp => 25 => 2 => \":5\" was unexpected in this context.",
            "arp.src.hw == 00:0c:29:b0:5 => 25 => 2  => \":5\" was unexpected in this context.",
            "eth.src == zz:31:c1:c6:3f:c2 => 13 => 15 => \":31:c1:c6:3f:c2\" was unexpected in this context.",
            "eth.src[0:3] == 00:50:5     => 21 => 2  => \":5\" was unexpected in this context.",
            "ip.src == 1.2.3.4:5         => 17 => 2  => \":5\" was unexpected in this context.",
            "eth.src == arp.src.hw_ma    => 11 => 13 => \"arp.src.hw_ma\" is not a valid Ethernet address for eth.src (Ethernet or other MAC address). Did you mean arp.src.hw_mac?",
            "arp.dst.proto_ipv4 == 192.168.0.0/33 => 22 => 14 => \"192.168.0.0/33\" is not a valid IPv4 address for arp.dst.proto_ipv4 (IPv4 address): netmask bits should be at most 32, not 33.",
            "arp.src.proto_ipv4 == 10.0.0.256 => 22 => 10 => \"10.0.0.256\" is not a valid IPv4 address for arp.src.proto_ipv4 (IPv4 address).",
            "arp.src.proto_ipv4 == 10.0.0 => 22 => 6 => \"10.0.0\" is not a valid IPv4 address for arp.src.proto_ipv4 (IPv4 address).",
            "frame.time_delta > abc      => 19 => 3  => \"abc\" is not a valid time in seconds for frame.time_delta (time offset).",
            "frame.time_delta > 5e-3     => 19 => 4  => \"5e-3\" is not a valid time in seconds for frame.time_delta (time offset).",
            "frame.time > \"yesterday\"  => 13 => 11 => \"yesterday\" is not a valid date and time for frame.time (date and time); write it as \"2013-12-05 16:59:59.43\" (UTC).",
            "frame.time > \"2013-13-05 10:00:00\" => 13 => 21 => \"2013-13-05 10:00:00\" is not a valid date and time for frame.time (date and time); write it as \"2013-12-05 16:59:59.43\" (UTC).",
            "eth.src[0:3] == 0x7831c1    => 16 => 8  => \"0x7831c1\" is not a valid byte string for eth.src[0:3] (byte sequence).",
            "frame contains 0:1:zz       => 16 => 2  => \":1\" was unexpected in this context.",
            // IPv4 literals tshark refuses
            "ip.src == 1.2.3             => 10 => 5  => \"1.2.3\" is not a valid IPv4 address for ip.src (IPv4 address).",
            "ip.src == 1.2.3.4.5         => 10 => 9  => \"1.2.3.4.5\" is not a valid IPv4 address for ip.src (IPv4 address).",
            "ip.src == 01.02.03.04       => 10 => 11 => \"01.02.03.04\" is not a valid IPv4 address for ip.src (IPv4 address).",
            "ip.src == 0x01020304        => 10 => 10 => \"0x01020304\" is not a valid IPv4 address for ip.src (IPv4 address).",
            // functions
            "len(eth.src)                => 0  => 3  => You cannot test whether a function is present.",
            "LEN(eth.src) == 6           => 0  => 3  => Function 'LEN' does not exist",
            "len(eth.src, ip.src) == 6   => 0  => 3  => Function len can only accept 1 arguments.",
            "len() == 6                  => 0  => 3  => Function len needs at least 1 arguments.",
            "len(6) == 6                 => 4  => 1  => Only fields can be used as parameter for len()",
            "len(nosuch.field) == 1      => 4  => 12 => Only fields can be used as parameter for len()",
            "len(eth.src[0:3]) == 3      => 4  => 12 => Only fields can be used as parameter for len()",
            "len(dns.qry.name) in {14, 19} => 0 => 3 => Only a field may be tested for membership in a set.",
            "eth.dst[0] & 1x == 1        => 13 => 2  => \"1x\" is not a valid byte string for eth.dst[0] (byte sequence).",
            // operators the type cannot take
            "arp.opcode contains 1       => 0  => 10 => arp.opcode (unsigned integer, 2 bytes) cannot participate in a \"contains\" comparison.",
            "arp.src.proto_ipv4 matches \"x\" => 0 => 18 => arp.src.proto_ipv4 (IPv4 address) cannot participate in a \"matches\" comparison.",
            "arp.opcode[0:1] == 00       => 0  => 10 => arp.opcode (unsigned integer, 2 bytes) cannot be sliced into a sequence of bytes.",
            "_ws.malformed == 1          => 0  => 13 => _ws.malformed has no value to compare; test for it on its own, as \"_ws.malformed\".",
            "arp & 1                     => 0  => 3  => arp (protocol) cannot be used with \"&\".",
            "frame.time_delta & 1        => 0  => 16 => frame.time_delta (time offset) cannot be used with \"&\".",
            "vlan.id & eth.src[0] == 1   => 10 => 10 => The right side of \"&\" must be a number or byte string, not eth.src[0].",
            // fields that cannot meet
            "arp.opcode == eth.src       => 14 => 7  => arp.opcode and eth.src are not of compatible types.",
            "arp.src.proto_ipv4 == eth.src => 22 => 7 => arp.src.proto_ipv4 and eth.src are not of compatible types.",
            "frame.time_delta > frame.len => 19 => 9 => frame.time_delta and frame.len are not of compatible types.",
            "frame.protocols matches eth.src => 24 => 7 => The right side of \"matches\" must be a quoted regular expression, not a field.",
            "frame.protocols matches \"(\" => 24 => 3 => \"(\" is not a valid regular expression: Unclosed group.",
    })
    void errors(String filter, int position, int length, String message) {
        assertThatThrownBy(() -> CompiledFilter.compile(filter.strip()))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.message()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.length()).isEqualTo(length);
                });
    }

    @Test
    void unknownFieldRendersAsWiresharkShowsIt() {
        assertThatThrownBy(() -> CompiledFilter.compile("arp.opcod == 1"))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.render()).isEqualTo(
                        "arp.opcod == 1\n"
                                + "^~~~~~~~~\n"
                                + "\"arp.opcod\" is neither a field nor a protocol name. Did you mean arp.opcode?"));
        assertThatThrownBy(() -> CompiledFilter.compile("vlan and vlan.id == ff:ff"))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.toString()).isEqualTo(
                        "vlan and vlan.id == ff:ff\n"
                                + "                    ^~~~~\n"
                                + "\"ff:ff\" is not a valid unsigned integer for vlan.id (unsigned integer, 2 bytes)."));
    }

    @Test
    void aShortMacIsRefusedWithTsharksCaret() {
        assertThatThrownBy(() -> CompiledFilter.compile("eth.src == 00:50:56:9d:b0:5"))
                .isInstanceOfSatisfying(FilterException.class, e -> assertThat(e.render()).isEqualTo(
                        "eth.src == 00:50:56:9d:b0:5\n"
                                + "                         ^~\n"
                                + "\":5\" was unexpected in this context."));
    }

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(strings = {"eth.src == 00:50:56:9d:b0:51", "eth.src == 0050.569d.b051", "eth.src == 00-50-56-9d-b0-51",
            "eth.src == 005056-9db051", "eth.src == 005056.9db051", "eth.src == 0050569db051",
            "eth.src == 00.50.56.9d.b0.51", "eth.src[0:2] == 00-5", "ip.src == 1.2.3.4/24", "ip.src == 0.0.0.0",
            "len(eth.src) == 6", "len( eth.src ) == 6", "len (eth.src) == 0x6",
            "len(ip.src) == len(ip.dst)", "!len(eth.src) == 5", "len(tcp.options) > 8 && tcp.flags.syn",
            "len(frame.comment) > 3"})
    void literalsTsharkAccepts(String filter) {
        assertThatCode(() -> CompiledFilter.compile(filter)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            "frame.len > 100                          => FRAME",
            "frame contains 00:50:56                  => FRAME",
            "frame.time_relative > 1 && !frame.comment => FRAME",
            "' '                                      => FRAME",
            "vlan.id == 10                            => LINK",
            "eth.src == 00:50:56:9d:b0:51 or frame.len == 60 => LINK",
            "eth.addr[0:3] == 00:50:56                => LINK",
            "ieee8021ad.id == 100 || ieee8021ah.etype == 0x8100 => LINK",
            "sll.etype == 0x0806 or llc               => LINK",
            "frame.undecoded_link                     => LINK",
            "arp                                      => ALL",
            "vlan and arp.opcode == 3                 => ALL",
            "frame.protocols contains \"arp\"         => ALL",
            "eth.padding or eth.trailer or eth.fcs    => ALL",
            "vlan.trailer                             => ALL",
            "_ws.malformed                            => ALL",
            "migration.notification                   => ALL",
            "len(eth.src) == 6                        => LINK",
            "len(frame.comment) > 3                   => FRAME",
            "len(dns.qry.name) > 10                   => ALL",
            "tcp.port == 443 or udp.port == 53        => ALL",
            "tcp.flags.syn == 1 and vlan.id == 10     => ALL",
    })
    void requiredLayer(String filter, Layer layer) throws FilterException {
        assertThat(CompiledFilter.compile(filter).requiredLayer()).isEqualTo(layer);
    }

    @Test
    void fieldsAreTheOnesRead() throws FilterException {
        CompiledFilter f = CompiledFilter.compile("arp.opcode == 3 and (vlan.id == arp.opcode or eth.src[0:3] == 00:50:56)");
        assertThat(f.fields().stream().map(Field::abbrev).collect(Collectors.toList()))
                .containsExactly("arp.opcode", "vlan.id", "eth.src");
        assertThat(f.fields()).first().isSameAs(FieldCatalogue.byName("arp.opcode"));
        assertThat(CompiledFilter.compile("").fields()).isEmpty();
    }

    @Test
    void textIsKept() throws FilterException {
        assertThat(CompiledFilter.compile("arp  &&  vlan").text()).isEqualTo("arp  &&  vlan");
        assertThat(CompiledFilter.compile("arp").toString()).isEqualTo("arp");
    }

    @Test
    void fieldsRegisteredLaterNeedNoChangeHere() throws FilterException {
        Field finding = Field.analysis("migration.remark", "Remark", FieldType.STRING).generated().build();
        Field severity = Field.analysis("migration.severity", "Severity", FieldType.UINT8).build();
        List<Field> catalogue = new ArrayList<>(FieldCatalogue.all());
        catalogue.add(finding);
        catalogue.add(severity);
        CompiledFilter f = CompiledFilter.compile("migration.remark contains \"duplicate\" && migration.severity >= 2",
                name -> catalogue.stream().filter(x -> x.abbrev().equals(name)).findFirst().orElse(null), catalogue);
        Dissection d = new Dissection();
        d.reset(new byte[0], 0);
        d.addObject(finding, 0, 0, "duplicate MAC on two uplinks");
        d.add(severity, 0, 0, 3);
        assertThat(f.matches(d)).isTrue();
        // what the filter needs follows from the fields' declared source, not from a list kept here
        assertThat(f.requiredLayer()).isEqualTo(Layer.FRAME);
        assertThat(f.needs().analysis()).isTrue();
        assertThat(f.needs().annotations()).isFalse();
        Field payload = Field.payload("newproto.x", "X", FieldType.UINT8).build();
        Field link = Field.link("newlink.x", "X", FieldType.UINT8).build();
        catalogue.add(payload);
        catalogue.add(link);
        java.util.function.Function<String, Field> lookup =
                name -> catalogue.stream().filter(x -> x.abbrev().equals(name)).findFirst().orElse(null);
        assertThat(CompiledFilter.compile("newproto.x == 1", lookup, catalogue).requiredLayer()).isEqualTo(Layer.ALL);
        assertThat(CompiledFilter.compile("newlink.x == 1", lookup, catalogue).requiredLayer()).isEqualTo(Layer.LINK);
        assertThat(CompiledFilter.compile("frame.comment", lookup, catalogue).needs().annotations()).isTrue();
        assertThatThrownBy(() -> CompiledFilter.compile("migration.remarks", name ->
                catalogue.stream().filter(x -> x.abbrev().equals(name)).findFirst().orElse(null), catalogue))
                .isInstanceOf(FilterException.class)
                .hasMessage("\"migration.remarks\" is neither a field nor a protocol name. Did you mean migration.remark?");
    }

    @Test
    void nullIsTheEmptyFilter() throws FilterException {
        assertThat(CompiledFilter.compile(null).matches(TestFrames.dissect(1, TestFrames.garp()))).isTrue();
    }
}
