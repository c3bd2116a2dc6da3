package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PatchesTest {
  private static ObjectNode obj(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode node(String json) {
    try {
      return Json.MAPPER.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void jsonPatch_addReplaceRemoveMoveCopyTest() {
    ObjectNode target = obj("{'a':{'b':1},'list':[1,2]}");
    ObjectNode result =
        Patches.jsonPatch(
            target,
            node(
                "[{'op':'add','path':'/a/c','value':2},{'op':'replace','path':'/a/b','value':3},"
                    + "{'op':'add','path':'/list/-','value':3},{'op':'remove','path':'/list/0'},"
                    + "{'op':'copy','from':'/a','path':'/d'},{'op':'move','from':'/d/c','path':'/e'},"
                    + "{'op':'test','path':'/e','value':2},{'op':'add','path':'/x~1y','value':true}]"));
    assertThat(result)
        .isEqualTo(obj("{'a':{'b':3,'c':2},'list':[2,3],'d':{'b':3},'e':2,'x/y':true}"));
    assertThat(target).as("input untouched").isEqualTo(obj("{'a':{'b':1},'list':[1,2]}"));
  }

  @Test
  void jsonPatch_missingPath_is422() {
    assertThatThrownBy(
            () -> Patches.jsonPatch(obj("{}"), node("[{'op':'replace','path':'/nope','value':1}]")))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("/nope")
        .extracting(e -> ((ApiError) e).code())
        .isEqualTo(422);
  }

  @Test
  void jsonPatch_failedTest_is422() {
    assertThatThrownBy(
            () -> Patches.jsonPatch(obj("{'a':1}"), node("[{'op':'test','path':'/a','value':2}]")))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("test failed");
  }

  @Test
  void mergePatch_nullDeletes_objectsMerge_listsReplace() {
    JsonNode result =
        Patches.mergePatch(
            obj("{'a':{'b':1,'c':2},'l':[1,2],'d':4}"),
            node("{'a':{'b':null,'x':1},'l':[3],'d':null}"));
    assertThat(result).isEqualTo(obj("{'a':{'c':2,'x':1},'l':[3]}"));
  }

  @Test
  void strategic_containersMergeByName_envByName() {
    ObjectNode target =
        obj(
            "{'spec':{'containers':[{'name':'a','image':'a:1','env':[{'name':'X','value':'1'}]},"
                + "{'name':'b','image':'b:1'}]}}");
    ObjectNode result =
        Patches.strategicMergePatch(
            target,
            node(
                "{'spec':{'containers':[{'name':'a','env':[{'name':'Y','value':'2'}]},"
                    + "{'name':'c','image':'c:1'}]}}"));
    assertThat(result)
        .isEqualTo(
            obj(
                "{'spec':{'containers':[{'name':'a','image':'a:1','env':[{'name':'X','value':'1'},"
                    + "{'name':'Y','value':'2'}]},{'name':'b','image':'b:1'},{'name':'c','image':'c:1'}]}}"));
  }

  @Test
  void strategic_deleteDirective_removesKeyedItem() {
    ObjectNode result =
        Patches.strategicMergePatch(
            obj("{'conditions':[{'type':'A','status':'True'},{'type':'B','status':'False'}]}"),
            node("{'conditions':[{'type':'A','$patch':'delete'}]}"));
    assertThat(result).isEqualTo(obj("{'conditions':[{'type':'B','status':'False'}]}"));
  }

  @Test
  void strategic_portsMergeByContainerPort_unkeyedListsReplace() {
    ObjectNode result =
        Patches.strategicMergePatch(
            obj("{'ports':[{'containerPort':80,'name':'http'}],'args':['a','b']}"),
            node(
                "{'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':443}],'args':['c']}"));
    assertThat(result)
        .isEqualTo(
            obj(
                "{'ports':[{'containerPort':80,'name':'http','protocol':'TCP'},{'containerPort':443}],"
                    + "'args':['c']}"));
  }

  @Test
  void strategic_replaceDirectiveAndRetainKeysAndPrimitiveDeletes() {
    ObjectNode result =
        Patches.strategicMergePatch(
            obj(
                "{'m':{'a':1,'b':2},'strategy':{'type':'RollingUpdate','rollingUpdate':{'x':1}},"
                    + "'metadata':{'finalizers':['f1','f2']}}"),
            node(
                "{'m':{'$patch':'replace','c':3},'strategy':{'$retainKeys':['type'],'type':'Recreate'},"
                    + "'metadata':{'$deleteFromPrimitiveList/finalizers':['f1'],'$setElementOrder/finalizers':['f2']}}"));
    assertThat(result)
        .isEqualTo(
            obj("{'m':{'c':3},'strategy':{'type':'Recreate'},'metadata':{'finalizers':['f2']}}"));
  }

  @Test
  void strategic_finalizersMergeAsSet() {
    ObjectNode result =
        Patches.strategicMergePatch(
            obj("{'metadata':{'finalizers':['a']}}"),
            node("{'metadata':{'finalizers':['a','b']}}"));
    assertThat(result).isEqualTo(obj("{'metadata':{'finalizers':['a','b']}}"));
  }
}
